package io.herald.adapter.micronaut;

import io.herald.application.RoomRules;
import io.herald.application.limit.Allowance;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code herald.rooms.*}: how many members a room may have, how many missed messages a subscription replays before
 * it answers "not recovered" (the client then reads history), and how fast one member may send to one room.
 * {@code retention}: how long room messages are kept; the store reads it, for its TTL.
 */
@ConfigurationProperties("herald.rooms")
public class RoomSettings {
    private int maxMembers = RoomRules.DEFAULTS.maxMembers();
    private int maxReplay = RoomRules.DEFAULTS.maxReplay();
    private int sendsPerSecond = RoomRules.DEFAULTS.sendAllowance().count();
    private int sendBurst = RoomRules.DEFAULTS.sendAllowance().burst();
    private Duration retention = Duration.ofDays(30);

    public int getMaxMembers() {
        return maxMembers;
    }

    public void setMaxMembers(int maxMembers) {
        this.maxMembers = maxMembers;
    }

    public int getMaxReplay() {
        return maxReplay;
    }

    public void setMaxReplay(int maxReplay) {
        this.maxReplay = maxReplay;
    }

    public int getSendsPerSecond() {
        return sendsPerSecond;
    }

    public void setSendsPerSecond(int sendsPerSecond) {
        this.sendsPerSecond = sendsPerSecond;
    }

    public int getSendBurst() {
        return sendBurst;
    }

    public void setSendBurst(int sendBurst) {
        this.sendBurst = sendBurst;
    }

    public Duration getRetention() {
        return retention;
    }

    public void setRetention(Duration retention) {
        this.retention = retention;
    }

    public RoomRules rules() {
        return new RoomRules(maxMembers, maxReplay, new Allowance(sendsPerSecond, Duration.ofSeconds(1), sendBurst));
    }
}
