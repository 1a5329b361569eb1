package io.herald.adapter.micronaut;

import io.herald.adapter.wire.SettingCheck;
import io.herald.application.RoomRules;
import io.herald.application.limit.Allowance;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code herald.rooms.*}: how many members a room may have, how many missed messages a subscription replays before
 * it answers "not recovered" (the client then reads history), and how fast one member may send to one room. The
 * defaults are {@link RoomRules#DEFAULTS} (an annotation cannot refer to them; a test keeps the two equal).
 *
 * @param retention how long room messages are kept; the store reads it, for its TTL
 */
@Context
@ConfigurationProperties(RoomSettings.PREFIX)
public record RoomSettings(
        @Bindable(defaultValue = "5000") int maxMembers,
        @Bindable(defaultValue = "5000") int maxReplay,
        @Bindable(defaultValue = "5") int sendsPerSecond,
        @Bindable(defaultValue = "20") int sendBurst,
        @Bindable(defaultValue = "30d") Duration retention) {
    static final String PREFIX = "herald.rooms";
    private static final SettingCheck CHECK = new SettingCheck(PREFIX);

    public RoomSettings {
        CHECK.atLeast("max-members", maxMembers, 1);
        CHECK.atLeast("max-replay", maxReplay, 0);
        CHECK.atLeast("sends-per-second", sendsPerSecond, 1);
        CHECK.atLeast("send-burst", sendBurst, 1);
        CHECK.positive("retention", retention);
    }

    public RoomRules rules() {
        return new RoomRules(maxMembers, maxReplay, new Allowance(sendsPerSecond, Duration.ofSeconds(1), sendBurst));
    }
}
