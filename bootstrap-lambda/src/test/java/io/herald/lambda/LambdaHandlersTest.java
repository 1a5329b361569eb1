package io.herald.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.kotlin.KotlinModule;
import io.herald.adapter.dynamodb.LocalDynamoDb;
import io.herald.application.port.ConnectionRegistry;
import io.herald.domain.ConnectionId;
import io.micronaut.context.ApplicationContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        Map<String, Object> properties = AwsEvents.settings(dynamo.endpoint().toString(), aws.endpoint(), aws.endpoint());
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
        APIGatewayV2HTTPResponse response = http.handleRequest(AwsEvents.http(method, path, query, token, body),
                new TestLambdaContext());
        JsonNode json = AwsStubs.JSON.readTree(response.getBody());
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("_status", response.getStatusCode());
        return json;
    }

    private static APIGatewayV2WebSocketResponse socket(String route, String connectionId, Map<String, String> query,
            String body) {
        return webSocket.handleRequest(AwsEvents.socket(route, connectionId, query, body), new TestLambdaContext());
    }

    private static Map<String, Object> lastEnvelope() throws Exception {
        return AwsEvents.envelope(aws.putEvents.getLast());
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

    /** The scan would also register the OpenAI SDK's Kotlin module: about a second of a cold start's first answer. */
    @Test
    void the_answers_mapper_has_the_modules_it_names_and_not_the_ones_a_classpath_scan_finds() {
        ObjectMapper mapper = context.getBean(ObjectMapper.class);
        assertThat(mapper.getRegisteredModuleIds())
                .contains(new JavaTimeModule().getTypeId(), new Jdk8Module().getTypeId())
                .doesNotContain(new KotlinModule.Builder().build().getTypeId());
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

    /** What the handlers write to the log while the invocation runs, as CloudWatch would read it. */
    private interface Invocation {
        void run() throws Exception;
    }

    private static List<JsonNode> embeddedMetricsOf(Invocation invocation) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            invocation.run();
        } finally {
            System.setOut(original);
        }
        List<JsonNode> documents = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).lines().toList()) {
            if (line.startsWith("{\"_aws\"")) {
                documents.add(AwsStubs.JSON.readTree(line));
            }
        }
        return documents;
    }

    private static boolean has(List<JsonNode> documents, String metric, String dimension, String value, double amount) {
        return documents.stream().anyMatch(d -> d.at("/_aws/CloudWatchMetrics/0/Namespace").asText().equals("Herald")
                && d.at("/_aws/CloudWatchMetrics/0/Metrics/0/Name").asText().equals(metric)
                && d.path(dimension).asText().equals(value) && d.path(metric).asDouble() == amount);
    }

    @Test
    void each_invocation_writes_what_it_measured_as_embedded_metrics_in_the_log() throws Exception {
        JsonNode registration = httpCall("POST", "/api/teams", null, null, "{\"playerName\":\"Eve\",\"mode\":\"team\"}");
        String token = registration.get("token").asText();
        String session = registration.at("/session/sessionId").asText();
        String player = registration.at("/session/playerId").asText();
        String connection = "EmfConnection0=";
        socket("$connect", connection, Map.of("token", token), null);

        List<JsonNode> joining = embeddedMetricsOf(() -> socket("$default", connection, null,
                "{\"type\":\"join_session\",\"sessionId\":\"" + session + "\",\"playerId\":\"" + player + "\"}"));
        httpCall("POST", "/runtime/events", null, token, "{\"sessionId\":\"" + session + "\",\"playerId\":\"" + player
                + "\",\"eventType\":\"NodeComplete\",\"nodeId\":\"node-9\"}");
        Map<String, Object> envelope = lastEnvelope();
        List<JsonNode> orchestrating = embeddedMetricsOf(
                () -> orchestrator.handleRequest(envelope, new TestLambdaContext()));
        List<JsonNode> refusing = embeddedMetricsOf(() -> httpCall("GET", "/api/no-such-thing", null, null, null));

        assertThat(has(joining, "herald.frames.in", "type", "join_session", 1)).as("%s", joining).isTrue();
        assertThat(has(orchestrating, "herald.events.orchestrated", "outcome", "sent", 1)).as("%s", orchestrating)
                .isTrue();
        assertThat(has(orchestrating, "herald.push", "result", "sent", 1)).as("%s", orchestrating).isTrue();
        assertThat(has(refusing, "herald.refusals", "code", "not_found", 1)).as("%s", refusing).isTrue();
        assertThat(orchestrating).noneMatch(d -> d.has("herald.frames.in")).as("an invocation reports only its own");
    }
}
