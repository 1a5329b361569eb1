package io.herald.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.server.PlayerClient.Device;
import io.herald.server.PlayerClient.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rooms on a running server with real WebSocket clients (seed 002): members of different sessions chat live, a
 * member who was away gets exactly what it missed on resubscribing, strangers are refused, senders cannot be
 * spoofed, a retried send is stored once, and history, unread counts and guild rooms work over HTTP.
 */
class RoomsEndToEndTest {
    private static final String SERVICE_KEY = "rooms-service-key-for-tests";
    private static final Duration QUIET = Duration.ofMillis(600);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static HeraldServer server;
    private static String base;

    private PlayerClient ana;
    private PlayerClient ben;
    private PlayerClient cal;
    private String room;

    @BeforeAll
    static void start() throws Exception {
        server = FreshServer.start("rooms", "herald.http.service-key", SERVICE_KEY,
                "herald.rooms.sends-per-second", 1000, "herald.rooms.send-burst", 1000);
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void three_members_of_different_sessions_share_a_room() {
        ana = PlayerClient.register(base, "Ana", null);
        ben = PlayerClient.register(base, "Ben", null);
        cal = PlayerClient.register(base, "Cal", null);
        room = "lobby-" + UUID.randomUUID();
        Response made = PlayerClient.post(base + "/api/rooms", ana.token,
                PlayerClient.JSON.createObjectNode().put("roomId", room).put("name", "Lobby").toString());
        assertThat(made.status()).isEqualTo(201);
        assertThat(join(ben, room).status()).isEqualTo(200);
        assertThat(join(cal, room).status()).isEqualTo(200);
    }

    private static Response join(PlayerClient player, String roomId) {
        return PlayerClient.post(base + "/api/rooms/" + path(roomId) + "/join", player.token, "");
    }

    private static String path(String roomId) {
        return URLEncoder.encode(roomId, StandardCharsets.UTF_8);
    }

    private static JsonNode subscribe(Device device, String roomId, JsonNode since) {
        ObjectNode frame = PlayerClient.JSON.createObjectNode().put("type", "room_subscribe").put("roomId", roomId);
        if (since != null) {
            frame.set("since", since);
        }
        device.send(frame);
        return device.await("room_subscribed");
    }

    private static JsonNode say(Device device, String roomId, String text) {
        device.send(PlayerClient.JSON.createObjectNode().put("type", "room_send").put("roomId", roomId).put("text", text));
        return device.await("room_sent");
    }

    private static List<Long> offsets(List<JsonNode> frames) {
        return frames.stream().map(f -> f.get("offset").asLong()).toList();
    }

    @Test
    void members_chat_live_each_message_once_in_order_with_the_sender_the_connection_is() {
        Device anaPhone = ana.connect();
        Device benPhone = ben.connect();
        Device calPhone = cal.connect();
        for (Device device : List.of(anaPhone, benPhone, calPhone)) {
            JsonNode subscribed = subscribe(device, room, null);
            assertThat(subscribed.get("recovered").asBoolean()).isFalse();
            assertThat(subscribed.get("offset").asLong()).isZero();
        }

        List<Long> sent = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            sent.add(say(i % 2 == 0 ? benPhone : anaPhone, room, "line " + i).get("offset").asLong());
        }
        anaPhone.send(PlayerClient.JSON.createObjectNode().put("type", "room_send").put("roomId", room)
                .put("text", "  I am Ben \u202E  ").put("senderId", ben.playerId).put("senderSessionId", ben.sessionId));
        anaPhone.await("room_sent");

        assertThat(sent).containsExactly(1L, 2L, 3L, 4L, 5L);
        for (Device device : List.of(anaPhone, benPhone, calPhone)) {
            List<JsonNode> said = device.drain("room_message", QUIET);
            assertThat(offsets(said)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            JsonNode spoof = said.getLast();
            assertThat(spoof.get("senderId").asText()).isEqualTo(ana.playerId);
            assertThat(spoof.get("senderSessionId").asText()).isEqualTo(ana.sessionId);
            assertThat(spoof.get("text").asText()).isEqualTo("I am Ben");
        }
    }

    @Test
    void a_member_away_for_fifty_messages_gets_exactly_those_then_live_ones() {
        Device benPhone = ben.connect();
        Device calPhone = cal.connect();
        subscribe(benPhone, room, null);
        JsonNode calSubscribed = subscribe(calPhone, room, null);
        say(benPhone, room, "before cal leaves");
        JsonNode lastSeen = calPhone.await("room_message");
        calPhone.close();

        for (int i = 1; i <= 50; i++) {
            Response sent = PlayerClient.post(base + "/api/rooms/" + path(room) + "/messages", ana.token,
                    PlayerClient.JSON.createObjectNode().put("text", "missed " + i).toString());
            assertThat(sent.status()).isEqualTo(201);
        }
        Device calAgain = cal.connect();
        ObjectNode since = PlayerClient.JSON.createObjectNode().put("offset", lastSeen.get("offset").asLong())
                .put("epoch", calSubscribed.get("epoch").asLong());
        JsonNode recovered = subscribe(calAgain, room, since);
        List<JsonNode> replayed = calAgain.drain("room_message", Duration.ZERO);
        say(benPhone, room, "welcome back");

        assertThat(recovered.get("recovered").asBoolean()).isTrue();
        assertThat(recovered.get("replayed").asInt()).isEqualTo(50);
        assertThat(recovered.get("offset").asLong()).isEqualTo(51);
        assertThat(offsets(replayed)).containsExactlyElementsOf(LongStream.rangeClosed(2, 51).boxed().toList());
        assertThat(replayed.getFirst().get("text").asText()).isEqualTo("missed 1");
        assertThat(offsets(calAgain.drain("room_message", QUIET))).containsExactly(52L);
    }

    @Test
    void a_position_from_another_epoch_is_not_recovered_and_nothing_is_replayed() {
        Device calPhone = cal.connect();
        JsonNode answer = subscribe(calPhone, room, PlayerClient.JSON.createObjectNode().put("offset", 0).put("epoch", 1));

        assertThat(answer.get("recovered").asBoolean()).isFalse();
        assertThat(answer.get("replayed").asInt()).isZero();
        assertThat(calPhone.drain("room_message", QUIET)).isEmpty();
    }

    @Test
    void a_stranger_can_neither_follow_nor_read_nor_write_a_room() {
        PlayerClient dan = PlayerClient.register(base, "Dan", null);
        Device danPhone = dan.connect();
        Device benPhone = ben.connect();
        subscribe(benPhone, room, null);

        danPhone.send(PlayerClient.JSON.createObjectNode().put("type", "room_subscribe").put("roomId", room).put("ref", "s1"));
        JsonNode refused = danPhone.await("error");
        danPhone.send(PlayerClient.JSON.createObjectNode().put("type", "room_send").put("roomId", room).put("text", "hi"));
        JsonNode notSent = danPhone.await("error");
        Response history = PlayerClient.get(base + "/api/rooms/" + path(room) + "/messages", dan.token);

        assertThat(refused.get("code").asText()).isEqualTo("not_a_member");
        assertThat(refused.get("ref").asText()).isEqualTo("s1");
        assertThat(notSent.get("code").asText()).isEqualTo("not_a_member");
        assertThat(history.status()).isEqualTo(403);
        assertThat(history.json().get("code").asText()).isEqualTo("not_a_member");
        assertThat(benPhone.drain("room_message", QUIET)).isEmpty();
        assertThat(PlayerClient.get(base + "/api/rooms/bad%20room/messages", ana.token).status()).isEqualTo(400);
        assertThat(PlayerClient.get(base + "/api/rooms/" + path("GUILD#") + "/messages", ana.token).status())
                .isEqualTo(400);
    }

    @Test
    void a_client_message_id_sent_twice_is_stored_and_delivered_once() {
        Device anaPhone = ana.connect();
        Device benPhone = ben.connect();
        subscribe(benPhone, room, null);
        ObjectNode send = PlayerClient.JSON.createObjectNode().put("type", "room_send").put("roomId", room)
                .put("text", "only once").put("clientMessageId", "retry-1");

        anaPhone.send(send);
        JsonNode first = anaPhone.await("room_sent");
        anaPhone.send(send);
        JsonNode second = anaPhone.await("room_sent");

        assertThat(first.get("repeated").asBoolean()).isFalse();
        assertThat(second.get("repeated").asBoolean()).isTrue();
        assertThat(second.get("offset")).isEqualTo(first.get("offset"));
        assertThat(second.get("messageId")).isEqualTo(first.get("messageId"));
        assertThat(benPhone.drain("room_message", QUIET)).hasSize(1);
        assertThat(history(ben, "").get("messages")).hasSize(1);
    }

    private JsonNode history(PlayerClient player, String query) {
        Response page = PlayerClient.get(base + "/api/rooms/" + path(room) + "/messages" + query, player.token);
        assertThat(page.status()).isEqualTo(200);
        return page.json();
    }

    @Test
    void history_pages_newest_first_and_unread_counts_follow_the_read_cursor() {
        Device anaPhone = ana.connect();
        for (int i = 1; i <= 12; i++) {
            say(anaPhone, room, "line " + i);
        }

        JsonNode newest = history(ben, "?limit=5");
        JsonNode older = history(ben, "?limit=5&before=" + newest.get("nextCursor").asText());
        JsonNode forward = history(ben, "?limit=50&after=" + older.get("nextCursor").asText());
        Response badCursor = PlayerClient.get(base + "/api/rooms/" + path(room) + "/messages?before=nope", ben.token);
        PlayerClient.post(base + "/api/rooms/" + path(room) + "/read", ben.token,
                PlayerClient.JSON.createObjectNode().put("offset", 9).put("epoch", newest.at("/messages/0/epoch").asLong())
                        .toString());
        JsonNode bensRooms = PlayerClient.get(base + "/api/rooms", ben.token).json();

        assertThat(offsets(list(newest.get("messages")))).containsExactly(12L, 11L, 10L, 9L, 8L);
        assertThat(offsets(list(older.get("messages")))).containsExactly(7L, 6L, 5L, 4L, 3L);
        assertThat(offsets(list(forward.get("messages")))).containsExactly(4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badCursor.json().get("code").asText()).isEqualTo("invalid_cursor");
        assertThat(bensRooms.get("rooms")).singleElement().satisfies(r -> {
            assertThat(r.get("roomId").asText()).isEqualTo(room);
            assertThat(r.get("unread").asLong()).isEqualTo(3);
        });
    }

    @Test
    void a_guild_room_is_for_the_members_the_game_backend_lists() {
        String guild = "g-" + UUID.randomUUID();
        String guildRoom = "GUILD#" + guild;
        assertThat(service("PUT", "/api/guilds/" + guild + "/members/" + ana.sessionId + "/" + ana.playerId)).isEqualTo(200);
        assertThat(service("PUT", "/api/guilds/" + guild + "/members/" + ben.sessionId + "/" + ben.playerId)).isEqualTo(200);
        Device anaPhone = ana.connect();
        Device benPhone = ben.connect();
        Device calPhone = cal.connect();
        subscribe(anaPhone, guildRoom, null);
        subscribe(benPhone, guildRoom, null);

        say(benPhone, guildRoom, "guild only");
        calPhone.send(PlayerClient.JSON.createObjectNode().put("type", "room_subscribe").put("roomId", guildRoom));
        JsonNode refused = calPhone.await("error");
        Response selfJoin = join(cal, guildRoom);

        assertThat(anaPhone.await("room_message").get("text").asText()).isEqualTo("guild only");
        assertThat(refused.get("code").asText()).isEqualTo("not_a_member");
        assertThat(selfJoin.status()).isEqualTo(403);
        assertThat(selfJoin.json().get("code").asText()).isEqualTo("guild_room");
        assertThat(service("DELETE", "/api/guilds/" + guild + "/members/" + ben.sessionId + "/" + ben.playerId))
                .isEqualTo(200);
        benPhone.send(PlayerClient.JSON.createObjectNode().put("type", "room_send").put("roomId", guildRoom)
                .put("text", "still here?"));
        assertThat(benPhone.await("error").get("code").asText()).isEqualTo("not_a_member");
        assertThat(PlayerClient.post(base + "/api/guilds/" + guild + "/members/x/y", ana.token, "").status())
                .isIn(403, 405);
    }

    private static int service(String method, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(PlayerClient.WAIT)
                .header("Authorization", "Bearer " + SERVICE_KEY)
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
