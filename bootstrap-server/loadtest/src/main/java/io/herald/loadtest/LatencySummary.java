package io.herald.loadtest;

import java.util.Locale;

/** Percentiles of a set of latencies in nanoseconds; {@code count == 0} means there was nothing to measure. */
record LatencySummary(int count, long p50, long p95, long p99, long max) {
    static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0);

    /** Milliseconds with one decimal, or {@code n/a} when nothing was measured. */
    static String millis(LatencySummary summary, long nanos) {
        return summary.count() == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", nanos / 1_000_000.0);
    }

    String describe() {
        return "p50 " + millis(this, p50) + " ms, p95 " + millis(this, p95) + " ms, p99 " + millis(this, p99)
                + " ms, max " + millis(this, max) + " ms (n=" + count + ")";
    }
}
