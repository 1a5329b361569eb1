package io.herald.loadtest;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The single {@code RESULT scenario=… key=value …} line a run ends with, so its figures can be grepped into notes. */
final class ResultLine {
    private final Map<String, String> fields = new LinkedHashMap<>();

    ResultLine(String scenario) {
        fields.put("scenario", scenario);
    }

    ResultLine put(String key, Object value) {
        fields.put(key, String.valueOf(value).replace(' ', '_'));
        return this;
    }

    /** Adds {@code <prefix>_p50_ms}, {@code _p95_ms}, {@code _p99_ms} and {@code _max_ms}. */
    ResultLine put(String prefix, LatencySummary latency) {
        put(prefix + "_p50_ms", LatencySummary.millis(latency, latency.p50()));
        put(prefix + "_p95_ms", LatencySummary.millis(latency, latency.p95()));
        put(prefix + "_p99_ms", LatencySummary.millis(latency, latency.p99()));
        return put(prefix + "_max_ms", LatencySummary.millis(latency, latency.max()));
    }

    /** Per-second rate with one decimal over a span in nanoseconds; {@code n/a} for an empty span. */
    static String rate(long count, long spanNanos) {
        return spanNanos <= 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", count * 1e9 / spanNanos);
    }

    @Override
    public String toString() {
        StringBuilder line = new StringBuilder("RESULT");
        fields.forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
        return line.toString();
    }
}
