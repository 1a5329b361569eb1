package io.herald.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.application.port.ConnectionLog;
import io.herald.application.port.MessageStore;
import io.herald.application.port.PageCursor;
import io.herald.domain.Delivery;
import io.herald.domain.InboxKey;
import io.herald.domain.Member;
import io.herald.domain.Message;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import io.herald.server.PlayerClient.Device;
import io.herald.server.PlayerClient.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server as a team of three players' devices see it: real sockets, real HTTP, the embedded store. */
class ServerEndToEndTest {
    private static final Duration QUIET = Duration.ofMillis(700);
    private static final String SERVICE_KEY = "game-backend-service-key-for-tests";
    private static HeraldServer server;
    private static String base;

    private PlayerClient ana;
    private PlayerClient ben;
    private PlayerClient cal;

    @BeforeAll
    static void start() throws Exception {
        Path data = Files.createTempDirectory("herald-e2e");
        server = HeraldServer.start(new String[0], Map.of("micronaut.server.port", -1, "herald.data-dir", data.toString(),
                "herald.http.service-key", SERVICE_KEY));
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void a_team_of_three() {
        ana = PlayerClient.register(base, "Ana", null);
        ben = PlayerClient.register(base, "Ben", ana.teamCode);
        cal = PlayerClient.register(base, "Cal", ana.teamCode);
    }

    private Message stored(PlayerClient player, String sk) {
        return server.context().getBean(MessageStore.class)
                .find(new SessionId(player.sessionId), InboxKey.parse(sk), Instant.now()).orElseThrow();
    }

    @Test
    void an_event_brings_an_ai_message_to_that_player_only_keyed_by_its_inbox_key() {
        Device anaPhone = ana.online();
        Device anaTablet = ana.online();
        Device benPhone = ben.online();

        Response response = ana.event("NodeComplete", "nodeId", "node-3");

        assertThat(response.status()).isEqualTo(200);
        String eventId = response.json().get("eventId").asText();
        JsonNode message = anaPhone.await("ai_message");
        assertThat(message.get("sk").asText()).isEqualTo("ai-msg#" + ana.playerId + "#" + eventId);
        assertThat(message.get("messageType").asText()).isEqualTo("individual");
        assertThat(message.get("sessionId").asText()).isEqualTo(ana.sessionId);
        assertThat(message.get("content").asText()).isNotBlank();
        assertThat(anaTablet.await("ai_message").get("sk")).isEqualTo(message.get("sk"));
        assertThat(benPhone.drain("ai_message", QUIET)).isEmpty();
    }

    @Test
    void deltas_reach_the_other_players_and_not_the_sender() {
        Device anaPhone = ana.online();
        Device benPhone = ben.online();
        Device calPhone = cal.online();

        Response response = ana.event("NodeComplete", "nodeId", "tl_object1__audio_intro");

        assertThat(response.json().at("/deltas/0/type").asText()).isEqualTo("NODE_COMPLETED");
        for (Device other : List.of(benPhone, calPhone)) {
            JsonNode delta = other.await("runtime_delta");
            assertThat(delta.at("/deltas/0/type").asText()).isEqualTo("NODE_COMPLETED");
            assertThat(delta.at("/deltas/0/playerId").asText()).isEqualTo(ana.playerId);
            assertThat(delta.at("/deltas/0/nodeId").asText()).isEqualTo("tl_object1__audio_intro");
        }
        assertThat(anaPhone.drain("runtime_delta", QUIET)).isEmpty();
    }

    @Test
    void everyone_arriving_at_one_object_brings_one_broadcast_to_all_three_sharing_one_message_id() {
        Map<PlayerClient, Device> devices = Map.of(ana, ana.online(), ben, ben.online(), cal, cal.online());

        for (PlayerClient player : List.of(ana, ben, cal)) {
            assertThat(player.event("ObjectArrive", "objectId", "statue").status()).isEqualTo(200);
        }

        List<JsonNode> broadcasts = devices.values().stream()
                .map(d -> d.await(f -> "broadcast".equals(f.path("messageType").asText()), "a broadcast"))
                .toList();
        assertThat(broadcasts).extracting(b -> b.get("messageId").asText()).containsOnly(broadcasts.getFirst().get("messageId").asText());
        assertThat(broadcasts).extracting(b -> b.get("sk").asText()).doesNotHaveDuplicates();
        for (Device device : devices.values()) {
            assertThat(device.drain("ai_message", QUIET)).noneMatch(f -> "broadcast".equals(f.path("messageType").asText()));
        }
    }

    @Test
    void delivered_and_read_acks_are_reflected_in_the_store() {
        Device anaPhone = ana.online();
        ana.event("NodeComplete", "nodeId", "node-1");
        String sk = anaPhone.await("ai_message").get("sk").asText();

        anaPhone.send(PlayerClient.JSON.createObjectNode().put("type", "ai_message_delivered").put("sessionId", ana.sessionId)
                .put("sk", sk).put("timestamp", Instant.now().toString()));
        anaPhone.send(PlayerClient.JSON.createObjectNode().put("type", "ai_message_read").put("sessionId", ana.sessionId)
                .put("sk", sk).put("timestamp", Instant.now().toString()));
        anaPhone.send("{\"type\":\"ping\"}");
        anaPhone.await("pong");

        assertThat(stored(ana, sk).delivery()).isInstanceOf(Delivery.Read.class);
        assertThat(ana.undelivered().json().get("messages")).isEmpty();
    }

    @Test
    void a_player_offline_during_a_message_gets_it_once_from_catch_up_and_not_again_after_the_ack() {
        Response response = ana.event("NodeComplete", "nodeId", "node-7");
        String sk = "ai-msg#" + ana.playerId + "#" + response.json().get("eventId").asText();
        awaitStored(ana, sk);

        Device anaPhone = ana.online();
        JsonNode owed = ana.undelivered().json();

        assertThat(owed.get("messages")).hasSize(1);
        assertThat(owed.at("/messages/0/sk").asText()).isEqualTo(sk);
        anaPhone.send(PlayerClient.JSON.createObjectNode().put("type", "ai_message_delivered").put("sessionId", ana.sessionId)
                .put("sk", sk));
        anaPhone.send("{\"type\":\"ping\"}");
        anaPhone.await("pong");
        assertThat(ana.undelivered().json().get("messages")).isEmpty();
    }

    @Test
    void spoofed_acks_get_error_frames_and_change_nothing() {
        Device anaPhone = ana.online();
        Device benPhone = ben.online();
        ana.event("NodeComplete", "nodeId", "node-1");
        String sk = anaPhone.await("ai_message").get("sk").asText();

        benPhone.send(PlayerClient.JSON.createObjectNode().put("type", "ai_message_read").put("sessionId", ana.sessionId)
                .put("sk", sk));
        benPhone.send(PlayerClient.JSON.createObjectNode().put("type", "ai_message_read").put("sessionId", "other-session")
                .put("sk", "ai-msg#" + ben.playerId + "#NodeComplete-0000000000000000"));
        benPhone.send("{\"type\":\"ai_message_read\",");

        assertThat(benPhone.await("error").get("code").asText()).isEqualTo("not_your_message");
        assertThat(benPhone.await("error").get("code").asText()).isEqualTo("session_mismatch");
        assertThat(benPhone.await("error").get("code").asText()).isEqualTo("invalid_json");
        assertThat(stored(ana, sk).delivery()).isEqualTo(new Delivery.Created());
        benPhone.send("{\"type\":\"ping\"}");
        assertThat(benPhone.await("pong")).isNotNull();
    }

    @Test
    void a_socket_without_a_valid_token_is_closed_before_anything_is_stored() throws Exception {
        ConnectionLog log = server.context().getBean(ConnectionLog.class);
        int recordsBefore = allRecords(log);

        Device intruder = ana.connect("not-a-token");

        assertThat(intruder.closed.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1008);
        // A valid device opened after it is recorded; once it is, anything the intruder caused would be too.
        ana.online();
        Member anaMember = new Member(new SessionId(ana.sessionId), new PlayerId(ana.playerId));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (log.ofPlayer(anaMember).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(log.ofPlayer(anaMember)).hasSize(1);
        assertThat(allRecords(log)).isEqualTo(recordsBefore + 1);
    }

    private static int allRecords(ConnectionLog log) {
        int count = 0;
        Optional<PageCursor> cursor = Optional.empty();
        do {
            ConnectionLog.RecordPage page = log.all(cursor, 1000);
            count += page.records().size();
            cursor = page.next();
        } while (cursor.isPresent());
        return count;
    }

    @Test
    void joining_as_another_player_is_refused() {
        Device anaPhone = ana.connect();

        anaPhone.send(PlayerClient.JSON.createObjectNode().put("type", "join_session").put("sessionId", ben.sessionId)
                .put("playerId", ben.playerId));

        assertThat(anaPhone.await("error").get("code").asText()).isEqualTo("player_mismatch");
    }

    @Test
    void bad_http_input_is_a_4xx_with_a_stable_code() {
        assertThat(PlayerClient.post(base + "/api/teams", null, "{nope").json().get("code").asText()).isEqualTo("invalid_json");
        assertThat(PlayerClient.post(base + "/api/teams", null, "{\"playerName\":\"Zed\",\"mode\":\"team\",\"teamCode\":\"ZZZZZZ\"}")
                .status()).isEqualTo(404);
        assertThat(PlayerClient.post(base + "/runtime/events", null, "{}").status()).isEqualTo(401);
        Response wrongPlayer = PlayerClient.post(base + "/runtime/events", ana.token, PlayerClient.JSON.createObjectNode()
                .put("sessionId", ben.sessionId).put("playerId", ben.playerId).put("eventType", "NodeComplete")
                .put("nodeId", "n").toString());
        assertThat(wrongPlayer.status()).isEqualTo(403);
        Response missing = PlayerClient.post(base + "/runtime/events", ana.token, "{\"sessionId\":\"" + ana.sessionId + "\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("code").asText()).isEqualTo("missing_field");
        assertThat(PlayerClient.get(base + "/runtime/messages/undelivered?sessionId=" + ana.sessionId + "&playerId="
                + ana.playerId, ben.token).status()).isEqualTo(403);
        assertThat(PlayerClient.get(base + "/nowhere", null).json().get("code").asText()).isEqualTo("not_found");
    }

    @Test
    void the_game_backend_may_report_any_players_event_with_the_service_key() {
        Device benPhone = ben.online();

        Response response = PlayerClient.post(base + "/runtime/events", SERVICE_KEY, PlayerClient.JSON.createObjectNode()
                .put("sessionId", ben.sessionId).put("playerId", ben.playerId).put("eventType", "PuzzleSubmit")
                .put("puzzleId", "riddle").put("correct", true).toString());

        assertThat(response.status()).isEqualTo(200);
        assertThat(benPhone.await("ai_message").get("sk").asText())
                .isEqualTo("ai-msg#" + ben.playerId + "#" + response.json().get("eventId").asText());
        assertThat(PlayerClient.post(base + "/runtime/events", "not-the-key", "{}").json().get("code").asText())
                .isEqualTo("invalid_token");
    }

    @Test
    void the_session_snapshot_lists_players_and_their_devices() {
        ana.online();
        ana.online();

        JsonNode snapshot = PlayerClient.get(base + "/api/runtime/session/" + ana.sessionId, ben.token).json();

        assertThat(snapshot.get("players")).hasSize(3);
        assertThat(snapshot.get("players")).anySatisfy(p -> {
            assertThat(p.get("playerName").asText()).isEqualTo("Ana");
            assertThat(p.get("devicesOnline").asInt()).isEqualTo(2);
        });
    }

    private static void awaitStored(PlayerClient player, String sk) {
        long deadline = System.nanoTime() + PlayerClient.WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (server.context().getBean(MessageStore.class).find(new SessionId(player.sessionId), InboxKey.parse(sk),
                    Instant.now()).isPresent()) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError(sk + " was never stored");
    }
}
