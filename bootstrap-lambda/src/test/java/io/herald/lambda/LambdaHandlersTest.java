package io.herald.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.herald.adapter.dynamodb.LocalDynamoDb;
import io.herald.application.port.ConnectionRegistry;
import io.herald.domain.ConnectionId;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Lambda shape driven the way AWS drives it: API Gateway HTTP and WebSocket events, EventBridge envelopes,
 * DynamoDB Local, and local stand-ins for EventBridge and the Management API. No account, no network.
 */
class LambdaHandlersTest {
    private static LocalDynamoDb dynamo;
    private static AwsStubs aws;
    private static ApplicationContext context;
    private static HttpHandler http;
    private static WebSocketHandler webSocket;
    private static OrchestratorHandler orchestrator;

    @BeforeAll
    static void start() throws Exception {
        dynamo = LocalDynamoDb.start();
        aws = new AwsStubs();
        Map<String, Object> properties = new HashMap<>();
        properties.put("aws.region", "us-east-1");
        properties.put("aws.access-key-id", "local");
        properties.put("aws.secret-key", "local");
        properties.put("aws.services.dynamodb.endpoint-override", dynamo.endpoint().toString());
        properties.put("aws.services.events.endpoint-override", aws.endpoint());
        properties.put("herald.dynamodb.table-name", "herald-lambda");
        properties.put("herald.dynamodb.create-table", true);
        properties.put("herald.tokens.secret", "a-lambda-test-secret-of-32-bytes-at-least");
        properties.put("herald.eventbridge.enabled", true);
        properties.put("herald.apigateway.endpoint", aws.endpoint());
        properties.put("herald.http.websocket-url", "wss://abc123.execute-api.us-east-1.amazonaws.com/dev");
        // The story below sends one player two messages within minutes; the cooldown has its own tests.
        properties.put("herald.messages.cooldown", "0s");
        context = ApplicationContext.builder().properties(properties).environments("function", "lambda").start();
        http = new HttpHandler(context);
        webSocket = new WebSocketHandler(context);
        orchestrator = new OrchestratorHandler(context);
    }

    @AfterAll
    static void stop() {
        context.close();
        aws.close();
        dynamo.close();
    }

    private static JsonNode httpCall(String method, String path, String query, String token, String body) throws Exception {
        Map<String, String> headers = new HashMap<>(Map.of("content-type", "application/json", "host", "api.example.com"));
        if (token != null) {
            headers.put("authorization", "Bearer " + token);
        }
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey("$default").withRawPath(path).withRawQueryString(query == null ? "" : query)
                .withQueryStringParameters(query == null ? null : parseQuery(query))
                .withHeaders(headers).withBody(body).withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId(UUID.randomUUID().toString())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                                .withProtocol("HTTP/1.1").withSourceIp("203.0.113.7").build()).build())
                .build();
        APIGatewayV2HTTPResponse response = http.handleRequest(event, new TestLambdaContext());
        JsonNode json = AwsStubs.JSON.readTree(response.getBody());
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("_status", response.getStatusCode());
        return json;
    }

    private static Map<String, String> parseQuery(String query) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            parameters.put(kv[0], kv[1]);
        }
        return parameters;
    }

    private static APIGatewayV2WebSocketResponse socket(String route, String connectionId, Map<String, String> query,
            String body) {
        APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
        APIGatewayV2WebSocketEvent.RequestContext requestContext = new APIGatewayV2WebSocketEvent.RequestContext();
        requestContext.setRouteKey(route);
        requestContext.setConnectionId(connectionId);
        requestContext.setEventType(route.equals("$connect") ? "CONNECT" : route.equals("$disconnect") ? "DISCONNECT" : "MESSAGE");
        requestContext.setStage("dev");
        event.setRequestContext(requestContext);
        event.setQueryStringParameters(query);
        event.setBody(body);
        return webSocket.handleRequest(event, new TestLambdaContext());
    }

    /** The envelope EventBridge would hand the orchestrator for the last entry Herald put. */
    private static Map<String, Object> lastEnvelope() throws Exception {
        JsonNode entry = aws.putEvents.getLast();
        Map<String, Object> envelope = new HashMap<>();
        envelope.put("version", "0");
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("detail-type", entry.get("DetailType").asText());
        envelope.put("source", entry.get("Source").asText());
        envelope.put("account", "123456789012");
        envelope.put("time", "2026-11-22T10:00:00Z");
        envelope.put("region", "us-east-1");
        envelope.put("resources", List.of());
        envelope.put("detail", AwsStubs.JSON.readValue(entry.get("Detail").asText(), Map.class));
        return envelope;
    }

    @Test
    void register_connect_join_event_message_ack_offline_catch_up_through_the_handlers() throws Exception {
        JsonNode registration = httpCall("POST", "/api/teams", null, null, "{\"playerName\":\"Ana\",\"mode\":\"team\"}");
        String token = registration.get("token").asText();
        String session = registration.at("/session/sessionId").asText();
        String player = registration.at("/session/playerId").asText();
        String connection = "L0SM9cOFvHcCIhw=";
        assertThat(registration.get("websocketUrl").asText()).startsWith("wss://abc123.execute-api");

        assertThat(socket("$connect", connection, Map.of("token", token), null).getStatusCode()).isEqualTo(200);
        APIGatewayV2WebSocketResponse joined = socket("$default", connection, null,
                "{\"type\":\"join_session\",\"sessionId\":\"" + session + "\",\"playerId\":\"" + player + "\"}");
        assertThat(AwsStubs.JSON.readTree(joined.getBody()).get("type").asText()).isEqualTo("joined");

        JsonNode accepted = httpCall("POST", "/runtime/events", null, token, "{\"sessionId\":\"" + session
                + "\",\"playerId\":\"" + player + "\",\"eventType\":\"NodeComplete\",\"nodeId\":\"node-3\"}");
        assertThat(accepted.get("_status").asInt()).isEqualTo(200);
        String eventId = accepted.get("eventId").asText();
        assertThat(aws.putEvents.getLast().get("DetailType").asText()).isEqualTo("NodeComplete");

        assertThat(orchestrator.handleRequest(lastEnvelope(), new TestLambdaContext())).startsWith("sent");
        AwsStubs.Posted pushed = aws.posted.getLast();
        assertThat(pushed.connectionId()).isEqualTo(connection);
        assertThat(pushed.frame().get("type").asText()).isEqualTo("ai_message");
        assertThat(pushed.frame().get("sk").asText()).isEqualTo("ai-msg#" + player + "#" + eventId);

        assertThat(socket("$default", connection, null, "{\"type\":\"ai_message_delivered\",\"sessionId\":\"" + session
                + "\",\"sk\":\"" + pushed.frame().get("sk").asText() + "\"}").getBody()).isNull();
        assertThat(httpCall("GET", "/runtime/messages/undelivered", "sessionId=" + session + "&playerId=" + player, token,
                null).get("messages")).isEmpty();

        assertThat(orchestrator.handleRequest(lastEnvelope(), new TestLambdaContext()))
                .as("a redelivered event writes and pushes nothing").contains("Duplicate");
        socket("$disconnect", connection, null, null);
        httpCall("POST", "/runtime/events", null, token, "{\"sessionId\":\"" + session + "\",\"playerId\":\"" + player
                + "\",\"eventType\":\"PuzzleSubmit\",\"puzzleId\":\"riddle\",\"correct\":true}");
        int pushesBefore = aws.posted.size();
        orchestrator.handleRequest(lastEnvelope(), new TestLambdaContext());

        assertThat(aws.posted).hasSize(pushesBefore);
        JsonNode owed = httpCall("GET", "/runtime/messages/undelivered", "sessionId=" + session + "&playerId=" + player,
                token, null);
        assertThat(owed.get("messages")).singleElement()
                .satisfies(m -> assertThat(m.get("sk").asText()).startsWith("ai-msg#" + player + "#PuzzleSubmit-"));
    }

    @Test
    void a_connect_without_a_valid_token_is_refused_and_stores_nothing() {
        APIGatewayV2WebSocketResponse refused = socket("$connect", "intruder-1", Map.of("token", "forged"), null);

        assertThat(refused.getStatusCode()).isEqualTo(401);
        assertThat(context.getBean(ConnectionRegistry.class).find(new ConnectionId("intruder-1"))).isEmpty();
        assertThat(socket("$connect", "intruder-2", null, null).getStatusCode()).isEqualTo(401);
    }

    @Test
    void a_gone_connection_is_forgotten_when_a_push_gets_410() throws Exception {
        JsonNode ana = httpCall("POST", "/api/teams", null, null, "{\"playerName\":\"Ana\",\"mode\":\"team\"}");
        JsonNode ben = httpCall("POST", "/api/teams", null, null,
                "{\"playerName\":\"Ben\",\"mode\":\"team\",\"teamCode\":\"" + ana.get("teamCode").asText() + "\"}");
        String session = ana.at("/session/sessionId").asText();
        for (JsonNode player : List.of(ana, ben)) {
            String id = "conn-" + player.at("/session/playerName").asText();
            socket("$connect", id, Map.of("token", player.get("token").asText()), null);
            socket("$default", id, null, "{\"type\":\"join\",\"sessionId\":\"" + session + "\",\"playerName\":\"x\"}");
        }
        aws.gone.add("conn-Ben");

        httpCall("POST", "/runtime/events", null, ana.get("token").asText(), "{\"sessionId\":\"" + session
                + "\",\"playerId\":\"" + ana.at("/session/playerId").asText() + "\",\"eventType\":\"NodeComplete\",\"nodeId\":\"n\"}");

        assertThat(context.getBean(ConnectionRegistry.class).find(new ConnectionId("conn-Ben"))).isEmpty();
        assertThat(context.getBean(ConnectionRegistry.class).find(new ConnectionId("conn-Ana"))).isPresent();
    }
}
