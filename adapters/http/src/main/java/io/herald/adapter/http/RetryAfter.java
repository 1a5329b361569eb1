package io.herald.adapter.http;

import java.time.Duration;

/** {@code Retry-After} in whole seconds, rounded up, so a client that waits that long is let in. */
final class RetryAfter {
    static final String HEADER = "Retry-After";

    private RetryAfter() {
    }

    static long seconds(Duration wait) {
        long millis = Math.max(0, wait.toMillis());
        return Math.max(1, (millis + 999) / 1000);
    }
}
