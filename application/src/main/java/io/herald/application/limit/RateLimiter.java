package io.herald.application.limit;

import io.herald.application.port.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One token bucket per key (a client address, a caller), so one noisy caller is slowed and nobody else. Memory stays
 * bounded: a bucket that has filled up again is the same as none and is dropped, and past {@code maxKeys} callers a
 * new one is let through untracked rather than anyone being refused for others' traffic.
 */
public final class RateLimiter {
    /** Full buckets are looked for at most this often when the map is at its bound, and every so many takes. */
    private static final Duration SWEEP_AT_BOUND = Duration.ofSeconds(1);
    private static final long SWEEP_EVERY_TAKES = 4096;

    private final Allowance allowance;
    private final Clock clock;
    private final int maxKeys;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong takes = new AtomicLong();
    private volatile Instant lastSweep = Instant.MIN;

    public RateLimiter(Allowance allowance, Clock clock, int maxKeys) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("a rate limiter tracks at least one caller");
        }
        this.allowance = allowance;
        this.clock = clock;
        this.maxKeys = maxKeys;
    }

    /** Whether one more is allowed for {@code key} now, and if not, how long until it is. */
    public sealed interface Verdict {
    }

    public record Allowed() implements Verdict {
    }

    public record Limited(Duration retryAfter) implements Verdict {
    }

    /** Tokens left and when they were counted; never more than the allowance's burst. */
    private record Bucket(double tokens, Instant at) {
        double tokensAt(Instant now, Allowance allowance) {
            Duration elapsed = now.isAfter(at) ? Duration.between(at, now) : Duration.ZERO;
            return Math.min(allowance.burst(), tokens + allowance.tokensIn(elapsed));
        }
    }

    public Verdict take(String key) {
        Instant now = clock.now();
        sweepIfDue(now);
        if (buckets.size() >= maxKeys && !buckets.containsKey(key)) {
            return new Allowed();
        }
        Verdict[] verdict = new Verdict[1];
        buckets.compute(key, (k, bucket) -> {
            double tokens = bucket == null ? allowance.burst() : bucket.tokensAt(now, allowance);
            if (tokens >= 1) {
                verdict[0] = new Allowed();
                return new Bucket(tokens - 1, now);
            }
            verdict[0] = new Limited(allowance.timeFor(1 - tokens));
            return new Bucket(tokens, now);
        });
        return verdict[0];
    }

    /** Returns a token taken for something that turned out not to count (a team code that was right after all). */
    public void giveBack(String key) {
        Instant now = clock.now();
        buckets.computeIfPresent(key, (k, bucket) -> {
            double tokens = bucket.tokensAt(now, allowance) + 1;
            return tokens >= allowance.burst() ? null : new Bucket(tokens, now);
        });
    }

    /** Callers tracked now; a test's window onto the memory bound. */
    public int tracked() {
        return buckets.size();
    }

    private void sweepIfDue(Instant now) {
        boolean atBound = buckets.size() >= maxKeys && !now.isBefore(lastSweep.plus(SWEEP_AT_BOUND));
        if (atBound || takes.incrementAndGet() % SWEEP_EVERY_TAKES == 0) {
            lastSweep = now;
            for (String key : buckets.keySet()) {
                buckets.computeIfPresent(key, (k, bucket) ->
                        bucket.tokensAt(now, allowance) >= allowance.burst() ? null : bucket);
            }
        }
    }
}
