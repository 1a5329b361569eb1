package io.herald.adapter.apigateway;

import static io.herald.adapter.apigateway.Pushes.NODE_COMPLETED;
import static io.herald.adapter.apigateway.Pushes.NODE_COMPLETED_TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.adapter.apigateway.ManagementApiStub.Answer;
import io.herald.application.port.ConnectionGateway;
import io.herald.application.port.ConnectionGateway.PushResult;
import io.herald.domain.ConnectionId;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Micronaut side: a WebSocket URL or an endpoint turns pushing through API Gateway on, with aws.* for the rest. */
class ApiGatewayWiringTest {

    @Test
    void an_endpoint_gives_a_gateway_that_pushes_the_wire_format_signed_for_the_configured_region() {
        try (ManagementApiStub api = ManagementApiStub.start("/prod");
                ApplicationContext context = ApplicationContext.run(aws(Map.of(
                        "herald.apigateway.endpoint", api.endpoint().uri().toString())))) {

            ConnectionGateway gateway = context.getBean(ConnectionGateway.class);
            PushResult result = gateway.push(new ConnectionId("conn-a"), NODE_COMPLETED);

            assertThat(gateway).isInstanceOf(ApiGatewayConnectionGateway.class);
            assertThat(result).isEqualTo(PushResult.SENT);
            assertThat(api.received()).singleElement().satisfies(request -> {
                assertThat(request.rawPath()).isEqualTo("/prod/@connections/conn-a");
                assertThat(request.body()).isEqualTo(NODE_COMPLETED_TEXT);
                assertThat(request.authorization()).contains("/us-east-2/execute-api/aws4_request");
            });
        }
    }

    @Test
    void the_push_attempts_come_from_configuration() {
        try (ManagementApiStub api = ManagementApiStub.start("")) {
            api.answer("conn-a", Answer.THROTTLED);
            try (ApplicationContext context = ApplicationContext.run(aws(Map.of(
                    "herald.apigateway.endpoint", api.endpoint().uri().toString(),
                    "herald.apigateway.push-attempts", 2,
                    "herald.apigateway.push-deadline", "30s")))) {

                PushResult result = context.getBean(ConnectionGateway.class)
                        .push(new ConnectionId("conn-a"), NODE_COMPLETED);

                assertThat(result).isEqualTo(PushResult.FAILED);
                assertThat(api.receivedBy("conn-a")).hasSize(2);
            }
        }
    }

    @Test
    void a_websocket_url_alone_gives_the_gateway() {
        try (ApplicationContext context = ApplicationContext.run(aws(Map.of(
                "herald.apigateway.websocket-url", "wss://abc123.execute-api.us-east-2.amazonaws.com/prod")))) {

            assertThat(context.getBean(ConnectionGateway.class)).isInstanceOf(ApiGatewayConnectionGateway.class);
        }
    }

    @Test
    void without_a_websocket_url_or_endpoint_the_context_has_no_gateway_from_this_module() {
        try (ApplicationContext context = ApplicationContext.run(aws(Map.of("herald.apigateway.push-attempts", 5)))) {

            assertThat(context.findBean(ConnectionGateway.class)).isEmpty();
        }
    }

    @Test
    void blank_settings_count_as_none() {
        try (ApplicationContext context = ApplicationContext.run(aws(Map.of(
                "herald.apigateway.websocket-url", " ",
                "herald.apigateway.endpoint", "")))) {

            assertThat(context.findBean(ConnectionGateway.class)).isEmpty();
        }
    }

    @Test
    void an_unencrypted_websocket_url_stops_the_gateway_from_being_made_naming_the_fix() {
        try (ApplicationContext context = ApplicationContext.run(aws(Map.of(
                "herald.apigateway.websocket-url", "ws://127.0.0.1:8080/local")))) {

            assertThatThrownBy(() -> context.getBean(ConnectionGateway.class))
                    .hasStackTraceContaining("herald.apigateway.websocket-url must be a wss:// URL");
        }
    }

    private static Map<String, Object> aws(Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(Map.of(
                "aws.region", "us-east-2",
                "aws.access-key-id", "local",
                "aws.secret-key", "local"));
        all.putAll(settings);
        return all;
    }
}
