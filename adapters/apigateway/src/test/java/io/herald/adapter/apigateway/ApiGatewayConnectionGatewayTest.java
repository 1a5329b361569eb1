package io.herald.adapter.apigateway;

import static io.herald.adapter.apigateway.Pushes.NODE_COMPLETED;
import static io.herald.adapter.apigateway.Pushes.NODE_COMPLETED_TEXT;
import static io.herald.adapter.apigateway.Pushes.attempts;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.adapter.apigateway.ManagementApiStub.Answer;
import io.herald.adapter.apigateway.ManagementApiStub.Received;
import io.herald.application.port.ConnectionGateway.PushResult;
import io.herald.domain.ConnectionId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gateway against a local Management API: what it sends, and what each answer of API Gateway becomes. */
class ApiGatewayConnectionGatewayTest {
    private final ManagementApiStub api = ManagementApiStub.start("/prod");

    @AfterEach
    void stopTheStub() {
        api.close();
    }

    @Test
    void the_pushed_body_is_exactly_the_push_format_text_posted_under_the_stage_path() {
        try (ApiGatewayConnectionGateway gateway = api.gateway(new TestPushFormat(), attempts(3))) {

            PushResult result = gateway.push(new ConnectionId("conn-a"), NODE_COMPLETED);

            assertThat(result).isEqualTo(PushResult.SENT);
            assertThat(api.received()).singleElement().satisfies(request -> {
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.rawPath()).isEqualTo("/prod/@connections/conn-a");
                assertThat(request.body()).isEqualTo(NODE_COMPLETED_TEXT).contains("équipe ✓ 🎯");
            });
        }
    }

    @Test
    void an_endpoint_written_with_a_trailing_slash_posts_under_the_same_stage_path() {
        ManagementEndpoint slashed = ManagementEndpoint.explicit(api.endpoint().uri() + "/");
        try (ApiGatewayConnectionGateway gateway =
                ManagementApiStub.gatewayAt(slashed, new TestPushFormat(), attempts(3))) {

            assertThat(gateway.push(new ConnectionId("conn-a"), NODE_COMPLETED)).isEqualTo(PushResult.SENT);
            assertThat(api.received()).singleElement().extracting(Received::rawPath)
                    .isEqualTo("/prod/@connections/conn-a");
        }
    }

    @Test
    void requests_are_signed_for_execute_api_in_the_configured_region() {
        try (ApiGatewayConnectionGateway gateway = api.gateway(new TestPushFormat(), attempts(3))) {

            gateway.push(new ConnectionId("conn-a"), NODE_COMPLETED);

            assertThat(api.received()).singleElement().extracting(Received::authorization).asString()
                    .startsWith("AWS4-HMAC-SHA256 Credential=local/")
                    .contains("/eu-west-1/execute-api/aws4_request");
        }
    }

    @Test
    void an_api_gateway_connection_id_reaches_its_connection_url_encoded() {
        try (ApiGatewayConnectionGateway gateway = api.gateway(new TestPushFormat(), attempts(3))) {

            PushResult result = gateway.push(new ConnectionId("L0SM9cOFvHcCIhw="), NODE_COMPLETED);

            assertThat(result).isEqualTo(PushResult.SENT);
            assertThat(api.received()).singleElement().satisfies(request -> {
                assertThat(request.rawPath()).isEqualTo("/prod/@connections/L0SM9cOFvHcCIhw%3D");
                assertThat(request.connectionId()).isEqualTo("L0SM9cOFvHcCIhw=");
            });
        }
    }

    @Test
    void a_410_reports_the_connection_gone() {
        api.answer("conn-gone", Answer.GONE);
        try (ApiGatewayConnectionGateway gateway = api.gateway(new TestPushFormat(), attempts(3))) {

            assertThat(gateway.push(new ConnectionId("conn-gone"), NODE_COMPLETED)).isEqualTo(PushResult.GONE);
            assertThat(api.receivedBy("conn-gone")).hasSize(1);
        }
    }

    @Test
    void throttled_twice_then_accepted_is_sent_on_the_third_request() {
        api.answer("conn-a", Answer.THROTTLED, Answer.THROTTLED, Answer.OK);
        try (ApiGatewayConnectionGateway gateway = api.gateway(new TestPushFormat(), attempts(3))) {

            assertThat(gateway.push(new ConnectionId("conn-a"), NODE_COMPLETED)).isEqualTo(PushResult.SENT);
            assertThat(api.receivedBy("conn-a")).hasSize(3)
                    .allSatisfy(request -> assertThat(request.body()).isEqualTo(NODE_COMPLETED_TEXT));
        }
    }

    @Test
    void throttled_forever_fails_after_the_configured_number_of_attempts() {
        api.answer("conn-a", Answer.THROTTLED);
        try (ApiGatewayConnectionGateway gateway = api.gateway(new TestPushFormat(), attempts(4))) {

            assertThat(gateway.push(new ConnectionId("conn-a"), NODE_COMPLETED)).isEqualTo(PushResult.FAILED);
            assertThat(api.receivedBy("conn-a")).hasSize(4);
        }
    }

    @Test
    void a_deadline_too_short_for_any_retry_fails_after_the_first_throttled_request() {
        api.answer("conn-a", Answer.THROTTLED);
        try (ApiGatewayConnectionGateway gateway = api.gateway(new TestPushFormat(),
                new PushBudget(10, Duration.ofMillis(100)))) {
            // A first push loads what the SDK needs, so the one under test is not slowed by class loading.
            gateway.push(new ConnectionId("conn-warm"), NODE_COMPLETED);

            assertThat(gateway.push(new ConnectionId("conn-a"), NODE_COMPLETED)).isEqualTo(PushResult.FAILED);
            assertThat(api.receivedBy("conn-a")).hasSize(1);
        }
    }

    @Test
    void a_payload_too_large_fails_at_once_with_exactly_one_request() {
        api.answer("conn-a", Answer.TOO_LARGE);
        try (ApiGatewayConnectionGateway gateway = api.gateway(new TestPushFormat(), attempts(5))) {

            assertThat(gateway.push(new ConnectionId("conn-a"), NODE_COMPLETED)).isEqualTo(PushResult.FAILED);
            assertThat(api.receivedBy("conn-a")).hasSize(1);
        }
    }

    @Test
    void forbidden_and_server_errors_fail_the_push_without_a_retry() {
        api.answer("conn-forbidden", Answer.FORBIDDEN);
        api.answer("conn-broken", Answer.SERVER_ERROR);
        try (ApiGatewayConnectionGateway gateway = api.gateway(new TestPushFormat(), attempts(5))) {

            assertThat(gateway.push(new ConnectionId("conn-forbidden"), NODE_COMPLETED)).isEqualTo(PushResult.FAILED);
            assertThat(gateway.push(new ConnectionId("conn-broken"), NODE_COMPLETED)).isEqualTo(PushResult.FAILED);
            assertThat(api.receivedBy("conn-forbidden")).hasSize(1);
            assertThat(api.receivedBy("conn-broken")).hasSize(1);
        }
    }

    @Test
    void an_unreachable_endpoint_fails_the_push_instead_of_throwing() {
        try (ApiGatewayConnectionGateway gateway = api.gateway(new TestPushFormat(), attempts(3))) {
            api.close();

            assertThat(gateway.push(new ConnectionId("conn-a"), NODE_COMPLETED)).isEqualTo(PushResult.FAILED);
        }
    }

    @Test
    void a_push_that_cannot_be_encoded_fails_without_a_request() {
        try (ApiGatewayConnectionGateway gateway = api.gateway(push -> {
            throw new IllegalStateException("no frame for this push");
        }, attempts(3))) {

            assertThat(gateway.push(new ConnectionId("conn-a"), NODE_COMPLETED)).isEqualTo(PushResult.FAILED);
            assertThat(api.received()).isEmpty();
        }
    }

    @Test
    void one_gone_connection_does_not_stop_pushes_to_the_others() {
        api.answer("conn-2", Answer.GONE);
        List<ConnectionId> connections = List.of(
                new ConnectionId("conn-1"), new ConnectionId("conn-2"), new ConnectionId("conn-3"));
        try (ApiGatewayConnectionGateway gateway = api.gateway(new TestPushFormat(), attempts(3))) {

            List<PushResult> results = connections.stream().map(c -> gateway.push(c, NODE_COMPLETED)).toList();

            assertThat(results).containsExactly(PushResult.SENT, PushResult.GONE, PushResult.SENT);
            assertThat(api.received()).extracting(Received::connectionId).containsExactly("conn-1", "conn-2", "conn-3");
            assertThat(api.received()).extracting(Received::body).containsOnly(NODE_COMPLETED_TEXT);
        }
    }
}
