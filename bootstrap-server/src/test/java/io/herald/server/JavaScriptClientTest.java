package io.herald.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.application.port.MessageStore;
import io.herald.domain.Delivery;
import io.herald.domain.InboxKey;
import io.herald.domain.SessionId;
import io.herald.server.PlayerClient.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shipped JavaScript client ({@code /client/herald.js}, fetched from the server) run by Node with real sockets
 * against a started server: {@code src/test/js/client-driver.mjs} holds one client and does what each test says, with
 * a network in between that the test can switch off; the server side is checked from here.
 */
class JavaScriptClientTest {
    private static final String SERVICE_KEY = "js-client-service-key-for-tests";
    private static final Duration QUIET = Duration.ofMillis(800);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static HeraldServer server;
    private static String base;

    private NodeScript client;

    @BeforeAll
    static void start() {
        if (NodeScript.nodeMissing().isPresent()) {
            return;
        }
        server = FreshServer.start("js-client", "herald.http.service-key", SERVICE_KEY, "herald.messages.cooldown", "0s",
                "herald.rooms.sends-per-second", 1000, "herald.rooms.send-burst", 1000);
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void node_is_there() {
        NodeScript.require(NodeScript.nodeMissing());
    }

    @AfterEach
    void end_the_script() {
        if (client != null) {
            client.close();
        }
    }

    /** The client for this player, its module fetched from the server, connected and caught up once. */
    private NodeScript onlineAs(PlayerClient player) {
        client = NodeScript.start("client-driver.mjs", Map.of("HERALD_BASE_URL", base, "HERALD_TOKEN", player.token,
                "HERALD_SESSION_ID", player.sessionId, "HERALD_PLAYER_ID", player.playerId));
        JsonNode module = client.awaitEvent("module", l -> true, "the client module");
        assertThat(module.get("status").asInt()).isEqualTo(200);
        assertThat(module.get("contentType").asText()).contains("javascript");
        client.command("connect");
        client.awaitEvent("caught_up", l -> true, "the first catch-up");
        return client;
    }

    private static String sk(PlayerClient player, Response event) {
        assertThat(event.status()).as("event answered " + event.json()).isEqualTo(200);
        return "ai-msg#" + player.playerId + "#" + event.json().get("eventId").asText();
    }

    private static Delivery delivery(PlayerClient player, String sk) {
        return server.context().getBean(MessageStore.class)
                .find(new SessionId(player.sessionId), InboxKey.parse(sk), Instant.now()).map(m -> m.delivery())
                .orElse(null);
    }

    private static List<String> owed(PlayerClient player) {
        List<String> sks = new ArrayList<>();
        player.undelivered().json().get("messages").forEach(m -> sks.add(m.get("sk").asText()));
        return sks;
    }

    private static void eventually(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + NodeScript.WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + NodeScript.WAIT);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static Predicate<JsonNode> message(String sk) {
        return l -> sk.equals(l.at("/message/sk").asText());
    }

    private static Predicate<JsonNode> sent(String type, String sk) {
        return l -> "sent".equals(l.path("event").asText()) && type.equals(l.at("/frame/type").asText())
                && (sk == null || sk.equals(l.at("/frame/sk").asText()));
    }

    private static boolean is(JsonNode line, String event) {
        return event.equals(line.path("event").asText());
    }

    private void networkDown() {
        client.send(PlayerClient.JSON.createObjectNode().put("cmd", "network").put("up", false));
        client.await(l -> "network".equals(l.path("reply").asText()), "the network going down");
        client.awaitEvent("state", l -> "reconnecting".equals(l.path("state").asText()), "the client noticing");
    }

    private void networkUp() {
        client.send(PlayerClient.JSON.createObjectNode().put("cmd", "network").put("up", true));
        client.await(l -> "network".equals(l.path("reply").asText()), "the network coming back");
    }

    @Test
    void joins_gets_a_live_message_and_acknowledges_it_so_catch_up_owes_nothing() {
        PlayerClient ana = PlayerClient.register(base, "Ana", null);
        onlineAs(ana);

        String sk = sk(ana, ana.event("NodeComplete", "nodeId", "node-1"));
        JsonNode arrived = client.awaitEvent("ai_message", message(sk), "the live message");
        client.await(sent("ai_message_delivered", sk), "the automatic delivered ack");

        assertThat(arrived.get("source").asText()).isEqualTo("live");
        assertThat(arrived.at("/message/messageType").asText()).isEqualTo("individual");
        assertThat(arrived.at("/message/content").asText()).isNotBlank();
        assertThat(client.lines()).filteredOn(l -> sent("join_session", null).test(l)).singleElement()
                .satisfies(l -> assertThat(l.at("/frame/playerId").asText()).isEqualTo(ana.playerId));
        assertThat(ana.devicesOnline()).isEqualTo(1);
        eventually(() -> delivery(ana, sk) instanceof Delivery.Delivered, "the copy recorded as delivered");
        assertThat(owed(ana)).isEmpty();
        client.command("close");
        assertThat(client.exitCode(NodeScript.WAIT)).isZero();
    }

    @Test
    void a_message_sent_while_the_network_was_down_comes_from_catch_up_exactly_once() {
        PlayerClient ana = PlayerClient.register(base, "Ana", null);
        onlineAs(ana);

        networkDown();
        String sk = sk(ana, ana.event("NodeComplete", "nodeId", "node-while-away"));
        eventually(() -> owed(ana).contains(sk), "the message stored and owed");
        networkUp();
        client.awaitEvent("state", l -> "joined".equals(l.path("state").asText()), "the client back");
        JsonNode arrived = client.awaitEvent("ai_message", message(sk), "the missed message");
        client.await(sent("ai_message_delivered", sk), "its ack");
        eventually(() -> owed(ana).isEmpty(), "catch-up owing nothing");
        String later = sk(ana, ana.event("NodeComplete", "nodeId", "node-after"));
        JsonNode live = client.awaitEvent("ai_message", message(later), "a live one after the return");

        assertThat(arrived.get("source").asText()).isEqualTo("catch-up");
        assertThat(live.get("source").asText()).isEqualTo("live");
        assertThat(client.within(QUIET, l -> is(l, "ai_message"))).as("nothing handed out twice").isEmpty();
        assertThat(client.lines()).filteredOn(l -> is(l, "state") && "reconnecting".equals(l.path("state").asText()))
                .as("retried while the network was down").extracting(l -> l.get("attempt").asInt()).startsWith(1);
        client.command("close");
        assertThat(client.exitCode(NodeScript.WAIT)).isZero();
    }

    @Test
    void a_message_whose_ack_was_lost_comes_back_from_catch_up_is_acknowledged_again_and_not_handed_out_twice() {
        PlayerClient ana = PlayerClient.register(base, "Ana", null);
        onlineAs(ana);
        client.command("dropOutbound", "type", "ai_message_delivered");

        String sk = sk(ana, ana.event("NodeComplete", "nodeId", "node-ack-lost"));
        client.awaitEvent("ai_message", message(sk), "the live message");
        client.awaitEvent("dropped", l -> sk.equals(l.at("/frame/sk").asText()), "its ack, lost");
        assertThat(owed(ana)).containsExactly(sk);
        client.command("dropOutbound");
        networkDown();
        networkUp();
        client.awaitEvent("caught_up", l -> l.get("messages").asInt() == 1, "catch-up handing it back");
        client.await(sent("ai_message_delivered", sk), "the ack sent again");

        eventually(() -> owed(ana).isEmpty(), "catch-up owing nothing");
        assertThat(client.lines()).filteredOn(message(sk)).as("handed to listeners once").hasSize(1);
        client.command("close");
        assertThat(client.exitCode(NodeScript.WAIT)).isZero();
    }

    @Test
    void mark_read_reaches_the_store_and_one_made_offline_goes_out_on_return() {
        PlayerClient ana = PlayerClient.register(base, "Ana", null);
        onlineAs(ana);
        String first = sk(ana, ana.event("NodeComplete", "nodeId", "node-read-1"));
        client.awaitEvent("ai_message", message(first), "the first message");
        String second = sk(ana, ana.event("NodeComplete", "nodeId", "node-read-2"));
        client.awaitEvent("ai_message", message(second), "the second message");

        client.command("markRead", "sk", first);
        client.await(sent("ai_message_read", first), "the read mark");
        eventually(() -> delivery(ana, first) instanceof Delivery.Read, "the first copy read");
        networkDown();
        client.command("markRead", "sk", second);
        assertThat(client.within(QUIET, sent("ai_message_read", second))).as("nothing sent without a network").isEmpty();
        assertThat(delivery(ana, second)).isNotInstanceOf(Delivery.Read.class);
        networkUp();
        client.await(sent("ai_message_read", second), "the read mark once joined again");

        eventually(() -> delivery(ana, second) instanceof Delivery.Read, "the second copy read");
        client.command("close");
        assertThat(client.exitCode(NodeScript.WAIT)).isZero();
    }

    @Test
    void room_messages_missed_while_away_are_recovered_from_the_last_offset_each_once_in_order() {
        PlayerClient ana = PlayerClient.register(base, "Ana", null);
        PlayerClient ben = PlayerClient.register(base, "Ben", null);
        String room = "js-room-" + UUID.randomUUID();
        assertThat(PlayerClient.post(base + "/api/rooms", ben.token, "{\"roomId\":\"" + room + "\"}").status()).isEqualTo(201);
        assertThat(PlayerClient.post(base + "/api/rooms/" + path(room) + "/join", ana.token, "").status()).isEqualTo(200);
        onlineAs(ana);
        client.command("subscribeRoom", "roomId", room);
        client.awaitEvent("room_subscribed", l -> room.equals(l.at("/frame/roomId").asText()), "the subscription");

        say(ben, room, "one");
        client.awaitEvent("room_message", l -> l.at("/message/offset").asLong() == 1, "the first message live");
        networkDown();
        say(ben, room, "two");
        say(ben, room, "three");
        networkUp();
        JsonNode resubscribed = client.awaitEvent("room_subscribed", l -> room.equals(l.at("/frame/roomId").asText()),
                "the subscription again after the return");
        client.command("duplicateInbound", "type", "room_message");
        say(ben, room, "four");
        client.awaitEvent("room_message", l -> l.at("/message/offset").asLong() == 4, "a live message after the return");
        JsonNode mine = client.command("sendToRoom", "roomId", room, "text", "five, from Ana");
        client.awaitEvent("room_message", l -> l.at("/message/offset").asLong() == 5, "Ana's own message");

        JsonNode since = client.lines().stream().filter(sent("room_subscribe", null))
                .map(l -> l.get("frame")).filter(f -> f.has("since")).findFirst()
                .orElseThrow(() -> new AssertionError("no room_subscribe with 'since' was sent\n" + client));
        assertThat(since.at("/since/offset").asLong()).isEqualTo(1);
        assertThat(since.at("/since/epoch").asLong()).isEqualTo(resubscribed.at("/frame/epoch").asLong());
        assertThat(resubscribed.at("/frame/recovered").asBoolean()).isTrue();
        assertThat(resubscribed.at("/frame/replayed").asInt()).isEqualTo(2);
        assertThat(mine.get("offset").asLong()).isEqualTo(5);
        client.quietFor(QUIET);
        assertThat(client.lines()).filteredOn(l -> is(l, "room_message")).extracting(l -> l.at("/message/text").asText())
                .containsExactly("one", "two", "three", "four", "five, from Ana");
        assertThat(client.command("roomPosition", "roomId", room).get("offset").asLong()).isEqualTo(5);
        client.command("close");
        assertThat(client.exitCode(NodeScript.WAIT)).isZero();
    }

    @Test
    void reconnects_after_the_server_closes_the_socket_and_keeps_receiving() {
        PlayerClient ana = PlayerClient.register(base, "Ana", null);
        onlineAs(ana);
        String connection = awaitConnection(ana, "connected");

        JsonNode closed = admin("PUT", "/api/admin/connections/" + connection + "/status", "{\"status\":\"disconnected\"}");
        assertThat(closed.get("status_").asInt()).isEqualTo(200);
        JsonNode noticed = client.awaitEvent("state", l -> "reconnecting".equals(l.path("state").asText()),
                "the client noticing the close");
        client.awaitEvent("state", l -> "joined".equals(l.path("state").asText()), "the client joined again");
        client.awaitEvent("caught_up", l -> true, "catch-up after the return");
        String sk = sk(ana, ana.event("NodeComplete", "nodeId", "node-after-close"));
        JsonNode arrived = client.awaitEvent("ai_message", message(sk), "a message on the new connection");

        assertThat(noticed.get("code").asInt()).isEqualTo(4001);
        assertThat(arrived.get("source").asText()).isEqualTo("live");
        eventually(() -> ana.devicesOnline() == 1, "the player online once more");
        client.command("close");
        assertThat(client.exitCode(NodeScript.WAIT)).isZero();
    }

    @Test
    void a_pressing_notification_is_handed_out_once_though_catch_up_gives_it_back_on_every_return() {
        PlayerClient ana = PlayerClient.register(base, "Ana", null);
        onlineAs(ana);

        String live = notify(ana, "high", "The statue moved");
        client.awaitEvent("notification", l -> live.equals(l.at("/notification/notificationId").asText()), "it live");
        networkDown();
        String whileAway = notify(ana, "urgent", "The gate closes");
        networkUp();
        client.awaitEvent("caught_up", l -> l.get("notifications").asInt() == 2,
                "catch-up with both unread pressing notifications");
        JsonNode missed = client.awaitEvent("notification",
                l -> whileAway.equals(l.at("/notification/notificationId").asText()), "the missed one");

        assertThat(missed.get("source").asText()).isEqualTo("catch-up");
        assertThat(client.within(QUIET, l -> is(l, "notification"))).as("the live one not again").isEmpty();
        client.command("close");
        assertThat(client.exitCode(NodeScript.WAIT)).isZero();
    }

    @Test
    void an_invalid_token_stops_the_client_instead_of_retrying() {
        PlayerClient ana = PlayerClient.register(base, "Ana", null);
        client = NodeScript.start("client-driver.mjs", Map.of("HERALD_BASE_URL", base, "HERALD_TOKEN", "not-a-token",
                "HERALD_SESSION_ID", ana.sessionId, "HERALD_PLAYER_ID", ana.playerId));

        client.send(PlayerClient.JSON.createObjectNode().put("cmd", "connect").put("mayFail", true));
        JsonNode reply = client.await(l -> "connect".equals(l.path("reply").asText()), "the answer to connect");
        JsonNode closed = client.awaitEvent("state", l -> "closed".equals(l.path("state").asText()), "the client stopping");

        assertThat(reply.get("ok").asBoolean()).isFalse();
        assertThat(closed.get("code").asInt()).isEqualTo(1008);
        client.quietFor(QUIET);
        assertThat(client.lines()).filteredOn(l -> is(l, "state") && "connecting".equals(l.path("state").asText()))
                .as("one attempt, no retry").hasSize(1);
        client.command("close");
        assertThat(client.exitCode(NodeScript.WAIT)).isZero();
    }

    private static void say(PlayerClient sender, String room, String text) {
        Response sent = PlayerClient.post(base + "/api/rooms/" + path(room) + "/messages", sender.token,
                PlayerClient.JSON.createObjectNode().put("text", text).toString());
        assertThat(sent.status()).isEqualTo(201);
    }

    private static String notify(PlayerClient to, String priority, String title) {
        ObjectNode body = PlayerClient.JSON.createObjectNode().put("sessionId", to.sessionId).put("playerId", to.playerId)
                .put("notificationType", "EXPLORATION_UPDATE").put("title", title).put("message", title + ".")
                .put("priority", priority);
        Response sent = PlayerClient.post(base + "/api/notifications", SERVICE_KEY, body.toString());
        assertThat(sent.status()).isEqualTo(201);
        return sent.json().get("notificationId").asText();
    }

    private static String awaitConnection(PlayerClient player, String status) {
        String[] found = new String[1];
        eventually(() -> {
            for (JsonNode record : admin("GET", "/api/admin/players/" + player.sessionId + "/" + player.playerId
                    + "/connections", null).path("connections")) {
                if (status.equals(record.path("status").asText())) {
                    found[0] = record.get("connectionId").asText();
                    return true;
                }
            }
            return false;
        }, "a " + status + " connection record");
        return found[0];
    }

    private static JsonNode admin(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(PlayerClient.WAIT)
                .header("Authorization", "Bearer " + SERVICE_KEY).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return ((ObjectNode) PlayerClient.JSON.readTree(response.body())).put("status_", response.statusCode());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String path(String roomId) {
        return URLEncoder.encode(roomId, StandardCharsets.UTF_8);
    }
}
