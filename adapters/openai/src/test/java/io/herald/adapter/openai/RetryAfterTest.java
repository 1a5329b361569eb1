package io.herald.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.core.http.Headers;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2026-01-09T10:30:00Z");

    private static Optional<Duration> of(String name, String value) {
        return RetryAfter.from(Headers.builder().put(name, value).build(), NOW);
    }

    @Test
    void openai_milliseconds_come_first_then_seconds_then_an_http_date() {
        assertThat(RetryAfter.from(Headers.builder().put("retry-after-ms", "250").put("Retry-After", "9").build(), NOW))
                .hasValue(Duration.ofMillis(250));
        assertThat(of("Retry-After", "2")).hasValue(Duration.ofSeconds(2));
        assertThat(of("retry-after", "0.5")).hasValue(Duration.ofMillis(500));
        assertThat(of("Retry-After", "Fri, 09 Jan 2026 10:30:07 GMT")).hasValue(Duration.ofSeconds(7));
        assertThat(of("Retry-After", "Fri, 09 Jan 2026 10:29:00 GMT")).hasValue(Duration.ZERO);
    }

    @Test
    void a_missing_or_unreadable_header_gives_nothing() {
        assertThat(RetryAfter.from(Headers.builder().build(), NOW)).isEmpty();
        assertThat(of("Retry-After", "soon")).isEmpty();
        assertThat(of("retry-after-ms", "-5")).isEmpty();
    }
}
