package io.herald.application.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * How long to wait before trying again: exponential from {@code first}, capped at {@code max}, with "equal jitter"
 * (a uniform draw from the upper half of the step), so callers that failed together do not retry together yet each
 * still waits at least half its step. Only the arithmetic: the caller decides what is worth retrying and for how long.
 */
public record Backoff(Duration first, Duration max) {
    /** Doublings beyond this cannot matter: the cap is reached long before (and the shift would overflow). */
    private static final int MAX_DOUBLINGS = 20;

    public Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || first.isZero()) {
            throw new IllegalArgumentException("the first backoff must be positive: " + first);
        }
        if (max.compareTo(first) < 0) {
            throw new IllegalArgumentException("the longest backoff " + max + " is shorter than the first " + first);
        }
    }

    /** The wait before attempt {@code failedAttempts + 1}, after that many failed (1 or more). */
    public Duration delay(int failedAttempts) {
        return delay(failedAttempts, ThreadLocalRandom.current());
    }

    /** The same with a given source of randomness, for tests and replays. */
    public Duration delay(int failedAttempts, RandomGenerator random) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("no backoff before the first attempt: " + failedAttempts);
        }
        long step = Math.min(max.toMillis(), first.toMillis() << Math.min(failedAttempts - 1, MAX_DOUBLINGS));
        return Duration.ofMillis(random.nextLong(step / 2, step + 1));
    }
}
