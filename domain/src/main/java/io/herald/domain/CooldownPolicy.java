package io.herald.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** At most one individual AI message per player per window (default 300 s), so the AI never spams a player. */
public record CooldownPolicy(Duration window) {
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(300);

    public CooldownPolicy {
        Objects.requireNonNull(window, "window");
        if (window.isNegative()) {
            throw new IllegalArgumentException("cooldown window must not be negative");
        }
    }

    /** A zero window switches the cooldown off (load tests, or a game that paces its own messages). */
    public boolean isOff() {
        return window.isZero();
    }

    public CooldownWindow openFor(EventId event, Instant now) {
        return new CooldownWindow(event, now.plus(window));
    }
}
