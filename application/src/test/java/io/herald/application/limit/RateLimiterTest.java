package io.herald.application.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.application.fake.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-09T10:30:00Z"));

    private RateLimiter limiter(Allowance allowance, int maxKeys) {
        return new RateLimiter(allowance, clock, maxKeys);
    }

    @Test
    void a_burst_is_allowed_at_once_and_the_next_one_is_told_how_long_to_wait() {
        RateLimiter limiter = limiter(Allowance.perMinute(20, 3), 100);

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.take("10.0.0.1")).isInstanceOf(RateLimiter.Allowed.class);
        }

        assertThat(limiter.take("10.0.0.1")).isEqualTo(new RateLimiter.Limited(Duration.ofSeconds(3)));
    }

    @Test
    void tokens_come_back_at_the_allowed_rate_and_never_beyond_the_burst() {
        RateLimiter limiter = limiter(Allowance.perSecond(2), 100);
        limiter.take("p");
        limiter.take("p");

        clock.advance(Duration.ofMillis(500));
        assertThat(limiter.take("p")).isInstanceOf(RateLimiter.Allowed.class);
        assertThat(limiter.take("p")).isInstanceOf(RateLimiter.Limited.class);

        clock.advance(Duration.ofHours(1));
        assertThat(limiter.take("p")).isInstanceOf(RateLimiter.Allowed.class);
        assertThat(limiter.take("p")).isInstanceOf(RateLimiter.Allowed.class);
        assertThat(limiter.take("p")).isInstanceOf(RateLimiter.Limited.class);
    }

    @Test
    void a_refused_take_costs_nothing_so_waiting_as_told_is_enough() {
        RateLimiter limiter = limiter(Allowance.perSecond(1), 100);
        limiter.take("p");
        RateLimiter.Limited told = (RateLimiter.Limited) limiter.take("p");
        limiter.take("p");

        clock.advance(told.retryAfter());

        assertThat(limiter.take("p")).isInstanceOf(RateLimiter.Allowed.class);
    }

    @Test
    void one_callers_traffic_never_limits_another() {
        RateLimiter limiter = limiter(Allowance.perSecond(1), 100);
        limiter.take("noisy");

        assertThat(limiter.take("noisy")).isInstanceOf(RateLimiter.Limited.class);
        assertThat(limiter.take("quiet")).isInstanceOf(RateLimiter.Allowed.class);
    }

    @Test
    void a_token_given_back_can_be_taken_again() {
        RateLimiter limiter = limiter(Allowance.perMinute(10, 1), 100);
        limiter.take("a");

        limiter.giveBack("a");

        assertThat(limiter.take("a")).isInstanceOf(RateLimiter.Allowed.class);
    }

    @Test
    void giving_back_never_raises_a_bucket_past_its_burst() {
        RateLimiter limiter = limiter(Allowance.perMinute(10, 2), 100);
        limiter.take("a");
        limiter.giveBack("a");
        limiter.giveBack("a");
        limiter.giveBack("a");

        limiter.take("a");
        limiter.take("a");
        assertThat(limiter.take("a")).isInstanceOf(RateLimiter.Limited.class);
    }

    @Test
    void a_clock_that_steps_back_mints_no_tokens() {
        RateLimiter limiter = limiter(Allowance.perSecond(1), 100);
        limiter.take("p");

        clock.advance(Duration.ofSeconds(-30));

        assertThat(limiter.take("p")).isInstanceOf(RateLimiter.Limited.class);
    }

    @Test
    void callers_whose_buckets_have_filled_again_are_forgotten_so_memory_stays_bounded() {
        RateLimiter limiter = limiter(Allowance.perSecond(1), 3);
        limiter.take("a");
        limiter.take("b");
        limiter.take("c");
        assertThat(limiter.tracked()).isEqualTo(3);

        clock.advance(Duration.ofSeconds(2));
        limiter.take("d");

        assertThat(limiter.tracked()).isEqualTo(1);
    }

    @Test
    void past_the_bound_a_new_caller_is_let_through_untracked_rather_than_refused() {
        RateLimiter limiter = limiter(Allowance.perSecond(1), 2);
        limiter.take("a");
        limiter.take("b");

        assertThat(limiter.take("c")).isInstanceOf(RateLimiter.Allowed.class);
        assertThat(limiter.take("c")).isInstanceOf(RateLimiter.Allowed.class);
        assertThat(limiter.tracked()).isEqualTo(2);
        assertThat(limiter.take("a")).isInstanceOf(RateLimiter.Limited.class);
    }

    @Test
    void an_allowance_of_nothing_or_over_no_time_is_refused_when_made() {
        assertThatThrownBy(() -> new Allowance(0, Duration.ofSeconds(1), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Allowance(1, Duration.ZERO, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Allowance(1, Duration.ofSeconds(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
