package io.herald.adapter.eventbridge;

import static io.herald.adapter.eventbridge.EventBridgeStub.failCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.application.port.EventPublisher;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** The Micronaut side: switched on, configuration alone gives a publisher on the endpoint, bus and source it names. */
class EventBridgeWiringTest {

    private static Map<String, Object> enabledOn(EventBridgeStub stub) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("aws.region", "eu-west-1");
        properties.put("aws.access-key-id", "local");
        properties.put("aws.secret-key", "local");
        properties.put("aws.services.events.endpoint-override", stub.endpoint().toString());
        properties.put("herald.eventbridge.enabled", true);
        return properties;
    }

    @Test
    void enabled_the_context_publishes_through_this_module_to_the_configured_endpoint_bus_and_source() {
        try (EventBridgeStub stub = EventBridgeStub.start()) {
            Map<String, Object> properties = enabledOn(stub);
            properties.put("herald.eventbridge.bus-name", "herald-bus");
            properties.put("herald.eventbridge.source", "herald.test");
            try (ApplicationContext context = ApplicationContext.run(properties)) {
                EventPublisher publisher = context.getBean(EventPublisher.class);

                publisher.publish(SampleEvents.nodeComplete("node-3"));

                assertThat(publisher).isInstanceOf(EventBridgePublisher.class);
                JsonNode entry = stub.calls().getFirst().entries().getFirst();
                assertThat(entry.path("EventBusName").asText()).isEqualTo("herald-bus");
                assertThat(entry.path("Source").asText()).isEqualTo("herald.test");
                assertThat(entry.path("DetailType").asText()).isEqualTo("NodeComplete");
            }
        }
    }

    @Test
    void enabled_without_further_settings_it_publishes_on_the_default_bus_as_herald_game() {
        try (EventBridgeStub stub = EventBridgeStub.start();
                ApplicationContext context = ApplicationContext.run(enabledOn(stub))) {
            EventBridgeSettings settings = context.getBean(EventBridgeSettings.class);

            context.getBean(EventPublisher.class).publish(SampleEvents.milestone());

            assertThat(settings.publishAttempts()).isEqualTo(5);
            assertThat(settings.publishDeadline()).isEqualTo(Duration.ofSeconds(5));
            JsonNode entry = stub.calls().getFirst().entries().getFirst();
            assertThat(entry.path("EventBusName").asText()).isEqualTo("default");
            assertThat(entry.path("Source").asText()).isEqualTo("herald.game");
        }
    }

    @Test
    void the_configured_attempts_are_the_only_retries_the_sdk_client_makes_none_of_its_own() {
        try (EventBridgeStub stub = EventBridgeStub.start()) {
            Map<String, Object> properties = enabledOn(stub);
            properties.put("herald.eventbridge.publish-attempts", 2);
            properties.put("herald.eventbridge.publish-deadline", "30s");
            stub.script(10, failCall(500, "InternalException"));
            try (ApplicationContext context = ApplicationContext.run(properties)) {
                EventPublisher publisher = context.getBean(EventPublisher.class);

                assertThatThrownBy(() -> publisher.publish(SampleEvents.nodeComplete("node-3")))
                        .isInstanceOf(EventPublisher.Unavailable.class);
                assertThat(stub.calls()).hasSize(2);
            }
        }
    }

    @Test
    void by_default_the_module_offers_no_publisher_and_no_client() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("aws.region", "eu-west-1"))) {

            assertThat(context.findBean(EventPublisher.class)).isEmpty();
            assertThat(context.containsBean(EventBridgeClient.class)).isFalse();
        }
    }

    @Test
    void switched_off_explicitly_the_module_offers_no_publisher_and_no_client() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("herald.eventbridge.enabled", false))) {

            assertThat(context.findBean(EventPublisher.class)).isEmpty();
            assertThat(context.containsBean(EventBridgeClient.class)).isFalse();
        }
    }
}
