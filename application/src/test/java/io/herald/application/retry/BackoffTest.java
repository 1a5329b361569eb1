package io.herald.application.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000));

    @Test
    void each_step_doubles_and_the_wait_lies_in_its_upper_half() {
        Random random = new Random(7);
        for (int attempt = 1; attempt <= 4; attempt++) {
            long step = 100L << (attempt - 1);
            for (int draw = 0; draw < 200; draw++) {
                assertThat(backoff.delay(attempt, random).toMillis()).isBetween(step / 2, step);
            }
        }
    }

    @Test
    void the_step_stops_growing_at_the_cap_even_after_very_many_failures() {
        Random random = new Random(11);
        for (int attempt : new int[] {5, 6, 30, 64, Integer.MAX_VALUE}) {
            assertThat(backoff.delay(attempt, random).toMillis()).isBetween(500L, 1000L);
        }
    }

    @Test
    void the_waits_are_jittered_not_all_equal() {
        Random random = new Random(3);
        assertThat(IntStream.range(0, 50).mapToObj(i -> backoff.delay(3, random)).distinct().count()).isGreaterThan(10);
    }

    @Test
    void the_extremes_of_the_draw_are_the_half_step_and_the_full_step() {
        assertThat(backoff.delay(2, new Extreme(false))).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.delay(2, new Extreme(true))).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void nonsense_settings_and_attempts_are_refused() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> backoff.delay(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Always draws the lowest or the highest value of the range asked for. */
    private record Extreme(boolean highest) implements java.util.random.RandomGenerator {
        @Override
        public long nextLong() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long nextLong(long origin, long bound) {
            return highest ? bound - 1 : origin;
        }
    }
}
