package io.herald.adapter.metrics;

import java.util.Locale;

/**
 * A fallback's reason is written for people ("HTTP 429 rate limited; budget spent after 3 attempts"); a metric tag
 * needs one of a few stable words, so the reason is sorted into the category an operator acts on.
 */
final class FallbackReasons {
    private FallbackReasons() {
    }

    static String category(String reason) {
        String text = reason.toLowerCase(Locale.ROOT);
        if (text.contains("circuit")) {
            return "circuit_open";
        }
        if (text.contains("insufficient quota")) {
            return "quota";
        }
        if (text.contains("rate limited") || text.contains("(429)")) {
            return "rate_limited";
        }
        if (text.contains("timeout") || text.contains("timed out") || text.contains("budget spent")) {
            return "timeout";
        }
        if (text.contains("server error") || text.contains("connection failed") || text.contains("retryable")) {
            return "unavailable";
        }
        if (text.contains("refused by the endpoint")) {
            return "rejected";
        }
        if (text.contains("model refused") || text.contains("no choices")) {
            return "declined";
        }
        if (text.contains("empty output") || text.contains("longer than") || text.contains("repeats the system prompt")
                || text.contains("empty or too long") || text.contains("token limit")) {
            return "invalid_output";
        }
        if (text.contains("not composed")) {
            return "not_composed";
        }
        return "error";
    }
}
