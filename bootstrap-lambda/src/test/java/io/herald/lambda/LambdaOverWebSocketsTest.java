package io.herald.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.herald.adapter.dynamodb.LocalDynamoDb;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Lambda shape end to end with real WebSocket clients: they talk to a local stand-in for API Gateway, which
 * invokes the handlers; pushes come back through the stand-in's @connections. Register → connect → join → event
 * → ai_message → acks → offline → catch-up, as a player's device lives it.
 */
class LambdaOverWebSocketsTest {
    private static final String SERVICE_KEY = "lambda-service-key-for-tests";
    private static LocalDynamoDb dynamo;
    private static AwsStubs eventBridge;
    private static EmbeddedServer standIn;
    private static ApplicationContext lambda;
    private static HttpHandler http;
    private static OrchestratorHandler orchestrator;

    @BeforeAll
    static void start() throws Exception {
        dynamo = LocalDynamoDb.start();
        eventBridge = new AwsStubs();
        standIn = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1, ApiGatewayStandIn.SPEC, true));
        Map<String, Object> settings = new java.util.HashMap<>(AwsEvents.settings(dynamo.endpoint().toString(),
                eventBridge.endpoint(), "http://127.0.0.1:" + standIn.getPort()));
        settings.put("herald.http.service-key", SERVICE_KEY);
        lambda = ApplicationContext.builder().environments("function", "lambda").properties(settings).start();
        http = new HttpHandler(lambda);
        orchestrator = new OrchestratorHandler(lambda);
        ApiGatewayStandIn.handler = new WebSocketHandler(lambda);
        ApiGatewayStandIn.stopped = false;
    }

    @AfterAll
    static void stop() {
        ApiGatewayStandIn.stopped = true;
        standIn.close();
        lambda.close();
        eventBridge.close();
        dynamo.close();
    }

    private static JsonNode call(String method, String path, String query, String token, String body) throws Exception {
        APIGatewayV2HTTPResponse response = http.handleRequest(AwsEvents.http(method, path, query, token, body),
                new TestLambdaContext());
        return AwsStubs.JSON.readTree(response.getBody());
    }

    /** A player's device: a JDK WebSocket and every frame it received. */
    private static final class Device implements WebSocket.Listener {
        final LinkedBlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        static Device connect(String token) {
            Device device = new Device();
            device.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:"
                    + standIn.getPort() + "/dev?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)), device).join();
            return device;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    frames.add(AwsStubs.JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        void send(String text) {
            socket.sendText(text, true).join();
        }

        JsonNode next() throws InterruptedException {
            JsonNode frame = frames.poll(10, TimeUnit.SECONDS);
            assertThat(frame).as("a frame within 10 s").isNotNull();
            return frame;
        }
    }

    @Test
    void a_player_lives_register_connect_join_message_acks_offline_and_catch_up_through_the_lambda_shape() throws Exception {
        JsonNode registration = call("POST", "/api/teams", null, null, "{\"playerName\":\"Ana\",\"mode\":\"team\"}");
        String token = registration.get("token").asText();
        String session = registration.at("/session/sessionId").asText();
        String player = registration.at("/session/playerId").asText();
        Device phone = Device.connect(token);

        phone.send("{\"type\":\"join_session\",\"sessionId\":\"" + session + "\",\"playerId\":\"" + player + "\"}");
        assertThat(phone.next().get("type").asText()).isEqualTo("joined");

        call("POST", "/runtime/events", null, token, "{\"sessionId\":\"" + session + "\",\"playerId\":\"" + player
                + "\",\"eventType\":\"NodeComplete\",\"nodeId\":\"node-1\"}");
        orchestrator.handleRequest(AwsEvents.envelope(eventBridge.putEvents.getLast()), new TestLambdaContext());
        JsonNode message = phone.next();
        assertThat(message.get("type").asText()).isEqualTo("ai_message");
        String sk = message.get("sk").asText();

        phone.send("{\"type\":\"ai_message_delivered\",\"sessionId\":\"" + session + "\",\"sk\":\"" + sk + "\"}");
        phone.send("{\"type\":\"ai_message_read\",\"sessionId\":\"" + session + "\",\"sk\":\"" + sk + "\"}");
        phone.send("{\"type\":\"ping\"}");
        assertThat(phone.next().get("type").asText()).isEqualTo("pong");
        assertThat(call("GET", "/runtime/messages/undelivered", "sessionId=" + session + "&playerId=" + player, token, null)
                .get("messages")).isEmpty();

        phone.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        phone.closed.get(10, TimeUnit.SECONDS);
        call("POST", "/runtime/events", null, token, "{\"sessionId\":\"" + session + "\",\"playerId\":\"" + player
                + "\",\"eventType\":\"ObjectArrive\",\"objectId\":\"statue\"}");
        orchestrator.handleRequest(AwsEvents.envelope(eventBridge.putEvents.getLast()), new TestLambdaContext());

        Device again = Device.connect(token);
        again.send("{\"type\":\"join_session\",\"sessionId\":\"" + session + "\",\"playerId\":\"" + player + "\"}");
        assertThat(again.next().get("type").asText()).isEqualTo("joined");
        JsonNode owed = call("GET", "/runtime/messages/undelivered", "sessionId=" + session + "&playerId=" + player, token, null);
        assertThat(owed.get("messages")).singleElement()
                .satisfies(m -> assertThat(m.get("sk").asText()).startsWith("ai-msg#" + player + "#ObjectArrive-"));
        assertThat(again.frames).isEmpty();
    }

    private static String registered(String name) throws Exception {
        return call("POST", "/api/teams", null, null, "{\"playerName\":\"" + name + "\",\"mode\":\"solo\"}")
                .get("token").asText();
    }

    @Test
    void room_members_chat_and_a_returning_member_gets_what_it_missed_through_the_lambda_shape() throws Exception {
        String ana = registered("Ana");
        String ben = registered("Ben");
        String room = "lambda-lobby-" + java.util.UUID.randomUUID();
        assertThat(call("POST", "/api/rooms", null, ana, "{\"roomId\":\"" + room + "\"}").get("roomId").asText())
                .isEqualTo(room);
        assertThat(call("POST", "/api/rooms/" + room + "/join", null, ben, "").get("member").asBoolean()).isTrue();
        Device anaPhone = Device.connect(ana);
        Device benPhone = Device.connect(ben);
        anaPhone.send("{\"type\":\"room_subscribe\",\"roomId\":\"" + room + "\"}");
        JsonNode subscribed = anaPhone.next();
        benPhone.send("{\"type\":\"room_subscribe\",\"roomId\":\"" + room + "\"}");
        assertThat(benPhone.next().get("type").asText()).isEqualTo("room_subscribed");

        benPhone.send("{\"type\":\"room_send\",\"roomId\":\"" + room + "\",\"text\":\"hello from ben\"}");
        JsonNode heard = anaPhone.next();
        anaPhone.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        anaPhone.closed.get(10, TimeUnit.SECONDS);
        for (int i = 1; i <= 3; i++) {
            call("POST", "/api/rooms/" + room + "/messages", null, ben, "{\"text\":\"missed " + i + "\"}");
        }
        Device anaAgain = Device.connect(ana);
        anaAgain.send("{\"type\":\"room_subscribe\",\"roomId\":\"" + room + "\",\"since\":{\"offset\":1,\"epoch\":"
                + subscribed.get("epoch").asLong() + "}}");
        List<JsonNode> replay = List.of(anaAgain.next(), anaAgain.next(), anaAgain.next(), anaAgain.next());

        assertThat(subscribed.get("type").asText()).isEqualTo("room_subscribed");
        assertThat(heard.get("type").asText()).isEqualTo("room_message");
        assertThat(heard.get("text").asText()).isEqualTo("hello from ben");
        assertThat(heard.get("offset").asLong()).isEqualTo(1);
        assertThat(replay.subList(0, 3)).extracting(f -> f.get("offset").asLong()).containsExactly(2L, 3L, 4L);
        assertThat(replay.get(3).get("type").asText()).isEqualTo("room_subscribed");
        assertThat(replay.get(3).get("recovered").asBoolean()).isTrue();
        assertThat(List.of(benPhone.next(), benPhone.next())).extracting(f -> f.get("type").asText())
                .as("ben follows the room too: his own message, and the answer to his send")
                .containsExactlyInAnyOrder("room_sent", "room_message");
    }

    @Test
    void push_to_talk_reaches_the_teammate_through_the_lambda_shape() throws Exception {
        JsonNode first = call("POST", "/api/teams", null, null, "{\"playerName\":\"Ana\",\"mode\":\"team\"}");
        JsonNode second = call("POST", "/api/teams", null, null, "{\"playerName\":\"Ben\",\"teamCode\":\""
                + first.get("teamCode").asText() + "\"}");
        Device ana = Device.connect(first.get("token").asText());
        Device ben = Device.connect(second.get("token").asText());
        for (var pair : List.of(java.util.Map.entry(ana, first), java.util.Map.entry(ben, second))) {
            pair.getKey().send("{\"type\":\"join_session\",\"sessionId\":\"" + pair.getValue().at("/session/sessionId").asText()
                    + "\",\"playerId\":\"" + pair.getValue().at("/session/playerId").asText() + "\"}");
            assertThat(pair.getKey().next().get("type").asText()).isEqualTo("joined");
        }

        ana.send("{\"type\":\"voice_start\"}");
        JsonNode started = ana.next();
        ana.send("{\"type\":\"voice_data\",\"seq\":0,\"data\":\"AAECAw==\"}");
        ana.send("{\"type\":\"voice_end\"}");
        JsonNode ended = ana.next();

        assertThat(started.get("type").asText()).isEqualTo("voice_started");
        assertThat(ended.get("type").asText()).isEqualTo("voice_ended");
        assertThat(ended.get("chunks").asLong()).isEqualTo(1);
        assertThat(List.of(ben.next(), ben.next(), ben.next())).extracting(f -> f.get("type").asText())
                .containsExactly("voice_start", "voice_data", "voice_end");
    }

    @Test
    void a_notification_and_a_characters_reply_reach_the_device_and_its_record_tells_where_it_came_from()
            throws Exception {
        JsonNode registration = call("POST", "/api/teams", null, null, "{\"playerName\":\"Ana\",\"mode\":\"solo\"}");
        String token = registration.get("token").asText();
        String session = registration.at("/session/sessionId").asText();
        String player = registration.at("/session/playerId").asText();
        Device phone = Device.connect(token);
        phone.send("{\"type\":\"join_session\",\"sessionId\":\"" + session + "\",\"playerId\":\"" + player + "\"}");
        assertThat(phone.next().get("type").asText()).isEqualTo("joined");

        JsonNode sent = call("POST", "/api/notifications", null, SERVICE_KEY, "{\"sessionId\":\"" + session
                + "\",\"playerId\":\"" + player + "\",\"notificationType\":\"QUEST\",\"title\":\"A quest\","
                + "\"message\":\"Find the key.\",\"priority\":\"urgent\"}");
        JsonNode pushed = phone.next();
        phone.send("{\"type\":\"text_message\",\"characterId\":\"sarah\",\"text\":\"hello\"}");
        JsonNode reply = phone.next();
        JsonNode records = call("GET", "/api/admin/players/" + session + "/" + player + "/connections", null, SERVICE_KEY,
                null);

        assertThat(pushed.get("type").asText()).isEqualTo("notification");
        assertThat(pushed.get("notificationId")).isEqualTo(sent.get("notificationId"));
        assertThat(reply.get("type").asText()).isEqualTo("chat_message");
        assertThat(reply.get("role").asText()).isEqualTo("character");
        assertThat(records.get("connections")).singleElement().satisfies(record ->
                assertThat(record.get("status").asText()).isEqualTo("connected"));
        assertThat(call("GET", "/runtime/messages/undelivered", "sessionId=" + session + "&playerId=" + player, token,
                null).get("notifications")).hasSize(1);
    }

    @Test
    void a_socket_with_a_forged_token_is_refused_by_the_connect_route() throws Exception {
        Device intruder = Device.connect("forged");

        assertThat(intruder.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
    }
}
