package io.herald.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    @Test
    void retry_after_is_whole_seconds_rounded_up_and_at_least_one() {
        assertThat(RetryAfter.seconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(RetryAfter.seconds(Duration.ofMillis(1001))).isEqualTo(2);
        assertThat(RetryAfter.seconds(Duration.ZERO)).isEqualTo(1);
        assertThat(RetryAfter.seconds(Duration.ofSeconds(30))).isEqualTo(30);
    }
}
