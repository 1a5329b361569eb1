package io.herald.adapter.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A bad {@code herald.apigateway.*} value is refused with the property and its environment variable named. */
class ApiGatewaySettingsTest {

    @Test
    void a_push_needs_an_attempt_and_some_time() {
        assertThatThrownBy(() -> new ApiGatewaySettings(null, null, 0, Duration.ofSeconds(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("herald.apigateway.push-attempts (HERALD_APIGATEWAY_PUSH_ATTEMPTS) must be at least 1, "
                        + "was 0");
        assertThatThrownBy(() -> new ApiGatewaySettings(null, null, 1, Duration.ZERO))
                .hasMessage("herald.apigateway.push-deadline (HERALD_APIGATEWAY_PUSH_DEADLINE) must be longer than "
                        + "0s, was 0s");
    }

    @Test
    void a_bad_value_stops_the_start_even_without_a_gateway_to_make() {
        ApplicationContext context = ApplicationContext.builder().environmentPropertySource(false)
                .properties(Map.of("herald.apigateway.push-deadline", "-3s")).build();

        assertThatThrownBy(context::start)
                .hasMessageContaining("herald.apigateway.push-deadline (HERALD_APIGATEWAY_PUSH_DEADLINE) must be "
                        + "longer than 0s, was -3s");
    }

    @Test
    void unset_only_the_budget_has_values() {
        try (ApplicationContext context = ApplicationContext.builder().environmentPropertySource(false).start()) {
            assertThat(context.getBean(ApiGatewaySettings.class))
                    .isEqualTo(new ApiGatewaySettings(null, null, 3, Duration.ofSeconds(3)));
        }
    }
}
