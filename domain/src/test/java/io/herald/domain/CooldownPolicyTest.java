package io.herald.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CooldownPolicyTest {
    private static final Instant T0 = Instant.parse("2026-01-09T10:30:00Z");
    private final CooldownPolicy policy = new CooldownPolicy(Duration.ofSeconds(300));
    private final EventId first = new EventId("NodeComplete-aaaa");
    private final EventId second = new EventId("NodeComplete-bbbb");

    @Test
    void another_event_inside_the_window_is_held_back() {
        CooldownWindow window = policy.openFor(first, T0);

        assertThat(window.admits(second, T0.plusSeconds(299))).isFalse();
    }

    @Test
    void the_window_ends_after_its_length() {
        CooldownWindow window = policy.openFor(first, T0);

        assertThat(window.until()).isEqualTo(T0.plusSeconds(300));
        assertThat(window.admits(second, T0.plusSeconds(300))).isTrue();
    }

    @Test
    void a_zero_window_switches_the_cooldown_off() {
        assertThat(new CooldownPolicy(Duration.ZERO).isOff()).isTrue();
        assertThat(policy.isOff()).isFalse();
    }

    @Test
    void a_redelivery_of_the_event_that_opened_the_window_is_not_blocked_by_it() {
        CooldownWindow window = policy.openFor(first, T0);

        assertThat(window.admits(first, T0.plusSeconds(10))).isTrue();
    }
}
