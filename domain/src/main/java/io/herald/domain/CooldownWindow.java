package io.herald.domain;

import java.util.Objects;
import java.time.Instant;

/**
 * A player's current quiet period: until when, and which event opened it. Knowing the holder lets a redelivery of
 * that same event through instead of being blocked by the window it opened itself.
 */
public record CooldownWindow(EventId holder, Instant until) {
    public CooldownWindow {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(until, "until");
    }

    /** The rule every cooldown store follows (its contract replays it); a player with no window is admitted. */
    public boolean admits(EventId event, Instant now) {
        return holder.equals(event) || !now.isBefore(until);
    }
}
