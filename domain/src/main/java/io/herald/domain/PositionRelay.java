package io.herald.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Seed 001's position sync: a co-located team moves together, so position streams are dropped; an independent
 * team sees each other's positions, at most once per interval per player to spare bandwidth and batteries.
 */
public record PositionRelay(Duration interval) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

    public enum Verdict {
        RELAY,
        DROP_CO_LOCATED,
        DROP_THROTTLED
    }

    public Verdict decide(TravelMode mode, Optional<Instant> lastRelayed, Instant now) {
        if (mode == TravelMode.CO_LOCATED) {
            return Verdict.DROP_CO_LOCATED;
        }
        boolean tooSoon = lastRelayed.map(last -> now.isBefore(last.plus(interval))).orElse(false);
        return tooSoon ? Verdict.DROP_THROTTLED : Verdict.RELAY;
    }
}
