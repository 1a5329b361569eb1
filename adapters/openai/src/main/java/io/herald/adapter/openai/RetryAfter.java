package io.herald.adapter.openai;

import com.openai.core.http.Headers;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** How long the endpoint asked to wait: OpenAI's {@code retry-after-ms}, else {@code Retry-After} (seconds, date). */
final class RetryAfter {
    private RetryAfter() {
    }

    static Optional<Duration> from(Headers headers, Instant now) {
        Optional<Duration> millis = first(headers, "retry-after-ms").flatMap(v -> number(v, 1));
        if (millis.isPresent()) {
            return millis;
        }
        return first(headers, "retry-after").flatMap(v -> number(v, 1_000).or(() -> date(v, now)));
    }

    private static Optional<String> first(Headers headers, String name) {
        return headers.values(name).stream().findFirst().map(String::strip);
    }

    private static Optional<Duration> number(String value, long millisPerUnit) {
        try {
            double units = Double.parseDouble(value);
            if (!Double.isFinite(units) || units < 0) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis(Math.round(units * millisPerUnit)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> date(String value, Instant now) {
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
