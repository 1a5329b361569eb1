package io.herald.adapter.wire;

import java.time.Duration;
import java.util.Locale;

/**
 * The checks every adapter's settings record runs on its values when it is bound. A failure names the property and the environment
 * variable that sets it, so whoever's server would not start knows what to change, and where.
 */
public record SettingCheck(String prefix) {

    public void atLeast(String name, long value, long least) {
        if (value < least) {
            throw invalid(name, "must be at least " + least + ", was " + value);
        }
    }

    public void positive(String name, Duration value) {
        if (value == null || !value.isPositive()) {
            throw invalid(name, "must be longer than 0s, was " + readable(value));
        }
    }

    public void notNegative(String name, Duration value) {
        if (value == null || value.isNegative()) {
            throw invalid(name, "must not be negative, was " + readable(value));
        }
    }

    public void notBlank(String name, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(name, "must not be blank");
        }
    }

    public IllegalArgumentException invalid(String name, String problem) {
        String property = prefix + "." + name;
        return new IllegalArgumentException(property + " (" + environmentVariable(property) + ") " + problem);
    }

    /** Micronaut's convention read backwards: {@code HERALD_ROOMS_MAX_MEMBERS} sets {@code herald.rooms.max-members}. */
    public static String environmentVariable(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** As operators write durations ({@code 300s}, {@code 1h30m}), not as ISO-8601 ({@code PT5M}). */
    private static String readable(Duration value) {
        return value == null ? "nothing" : value.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
