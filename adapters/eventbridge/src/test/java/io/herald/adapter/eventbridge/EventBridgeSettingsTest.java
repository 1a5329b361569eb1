package io.herald.adapter.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A bad {@code herald.eventbridge.*} value is refused with the property and its environment variable named. */
class EventBridgeSettingsTest {
    private static final Duration DEADLINE = Duration.ofSeconds(5);

    @Test
    void a_publish_needs_an_attempt_and_a_deadline_that_is_not_negative() {
        assertThatThrownBy(() -> new EventBridgeSettings("default", "herald.game", 0, DEADLINE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("herald.eventbridge.publish-attempts (HERALD_EVENTBRIDGE_PUBLISH_ATTEMPTS) must be at "
                        + "least 1, was 0");
        assertThatThrownBy(() -> new EventBridgeSettings("default", "herald.game", 1, Duration.ofSeconds(-5)))
                .hasMessage("herald.eventbridge.publish-deadline (HERALD_EVENTBRIDGE_PUBLISH_DEADLINE) must not be "
                        + "negative, was -5s");
    }

    @Test
    void the_bus_and_a_source_outside_aws_must_be_named() {
        assertThatThrownBy(() -> new EventBridgeSettings("", "herald.game", 1, DEADLINE))
                .hasMessage("herald.eventbridge.bus-name (HERALD_EVENTBRIDGE_BUS_NAME) must not be blank");
        assertThatThrownBy(() -> new EventBridgeSettings("default", "aws.events", 1, DEADLINE))
                .hasMessage("herald.eventbridge.source (HERALD_EVENTBRIDGE_SOURCE) must not start with \"aws.\", "
                        + "which AWS reserves, was aws.events");
    }

    @Test
    void switched_on_a_bad_value_stops_the_start() {
        ApplicationContext context = ApplicationContext.builder().environmentPropertySource(false)
                .properties(Map.of("herald.eventbridge.enabled", true, "herald.eventbridge.publish-attempts", 0))
                .build();

        assertThatThrownBy(context::start).hasMessageContaining("herald.eventbridge.publish-attempts");
        assertThat(context.isRunning()).isFalse();
    }
}
