package io.herald.application.limit;

import java.time.Duration;
import java.util.Objects;

/**
 * How much of something one caller may do: {@code count} per {@code per} on average, up to {@code burst} at once
 * after a quiet spell. A token bucket holds {@code burst} tokens and gains {@code count} every {@code per}.
 */
public record Allowance(int count, Duration per, int burst) {
    public Allowance {
        Objects.requireNonNull(per, "per");
        if (count < 1 || burst < 1) {
            throw new IllegalArgumentException("a rate limit allows at least 1, and a burst of at least 1");
        }
        if (per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("a rate limit's period must be positive");
        }
    }

    public static Allowance perSecond(int count) {
        return new Allowance(count, Duration.ofSeconds(1), count);
    }

    public static Allowance perMinute(int count, int burst) {
        return new Allowance(count, Duration.ofMinutes(1), burst);
    }

    /** Tokens gained in {@code elapsed}. */
    public double tokensIn(Duration elapsed) {
        return (double) elapsed.toNanos() * count / per.toNanos();
    }

    /** How long it takes to gain {@code tokens}. */
    public Duration timeFor(double tokens) {
        return Duration.ofNanos((long) Math.ceil(tokens * per.toNanos() / count));
    }
}
