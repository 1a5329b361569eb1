package io.herald.application;

import io.herald.application.limit.Allowance;
import java.time.Duration;
import java.util.Objects;

/**
 * How big rooms may grow and how fast members may talk: members per room, messages a subscription replays before
 * it answers "not recovered" instead, and each sender's allowance per room (kept per node).
 */
public record RoomRules(int maxMembers, int maxReplay, Allowance sendAllowance) {
    public static final RoomRules DEFAULTS = new RoomRules(5_000, 5_000, new Allowance(5, Duration.ofSeconds(1), 20));

    public RoomRules {
        Objects.requireNonNull(sendAllowance, "sendAllowance");
        if (maxMembers < 1 || maxReplay < 0) {
            throw new IllegalArgumentException("a room holds at least one member; a replay is never negative");
        }
    }
}
