package io.herald.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A bad {@code herald.redis.*} value is refused with the property and its environment variable named. */
class RedisSettingsTest {
    private static final Duration S = Duration.ofSeconds(1);

    @Test
    void a_node_times_out_only_after_more_than_one_heartbeat() {
        assertThatThrownBy(() -> new RedisSettings("herald", Duration.ofSeconds(2), Duration.ofSeconds(2), S))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("herald.redis.node-timeout (HERALD_REDIS_NODE_TIMEOUT) must be longer than "
                        + "herald.redis.heartbeat (HERALD_REDIS_HEARTBEAT, 2000ms), was 2000ms");
    }

    @Test
    void the_prefix_heartbeat_and_command_timeout_must_be_given() {
        assertThatThrownBy(() -> new RedisSettings(" ", S, S.multipliedBy(5), S))
                .hasMessage("herald.redis.prefix (HERALD_REDIS_PREFIX) must not be blank");
        assertThatThrownBy(() -> new RedisSettings("herald", Duration.ZERO, S, S))
                .hasMessage("herald.redis.heartbeat (HERALD_REDIS_HEARTBEAT) must be longer than 0s, was 0s");
        assertThatThrownBy(() -> new RedisSettings("herald", S, S.multipliedBy(5), Duration.ZERO))
                .hasMessageStartingWith("herald.redis.command-timeout (HERALD_REDIS_COMMAND_TIMEOUT)");
    }

    @Test
    void unset_the_settings_are_the_documented_defaults() {
        try (ApplicationContext context = ApplicationContext.builder().environmentPropertySource(false).start()) {
            assertThat(context.getBean(RedisSettings.class)).isEqualTo(new RedisSettings("herald",
                    Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(2)));
        }
    }
}
