package io.herald.loadtest;

import java.util.Arrays;
import java.util.Collection;

/**
 * Exact percentiles by sorting, nearest-rank method: the p-th percentile is the smallest sample with at least p%
 * of samples at or below it. A load run has at most tens of thousands of samples, so no histogram is needed.
 */
final class Latencies {
    private Latencies() {}

    static LatencySummary summarize(Collection<Long> nanos) {
        return summarize(nanos.stream().mapToLong(Long::longValue).toArray());
    }

    static LatencySummary summarize(long[] nanos) {
        if (nanos.length == 0) {
            return LatencySummary.EMPTY;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new LatencySummary(sorted.length, percentile(sorted, 50), percentile(sorted, 95),
                percentile(sorted, 99), sorted[sorted.length - 1]);
    }

    static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
