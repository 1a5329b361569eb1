package io.herald.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.server.PlayerClient.Device;
import io.herald.server.PlayerClient.Response;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Notifications on a running server (seed 003) with real clients: the game's backend sends, the player's devices get
 * the frame, the player lists, marks and dismisses its own over HTTP and frames, and a pressing one waits in
 * catch-up for a player who was away.
 */
class NotificationsEndToEndTest {
    private static final String SERVICE_KEY = "notifications-service-key-for-tests";
    private static final Duration QUIET = Duration.ofMillis(500);
    private static HeraldServer server;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        server = FreshServer.start("notifications", "herald.http.service-key", SERVICE_KEY);
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ObjectNode notification(PlayerClient to, String priority) {
        ObjectNode body = PlayerClient.JSON.createObjectNode().put("sessionId", to.sessionId).put("playerId", to.playerId)
                .put("notificationType", "EXPLORATION_UPDATE").put("title", "Sarah found something")
                .put("message", "A brass key, under the statue.").put("priority", priority).put("fromCharacter", "sarah");
        body.putObject("metadata").put("item", "brass-key").put("room", 3);
        return body;
    }

    private static Response send(ObjectNode body) {
        return PlayerClient.post(base + "/api/notifications", SERVICE_KEY, body.toString());
    }

    @Test
    void a_sent_notification_reaches_the_players_devices_and_the_list_with_its_unread_count() {
        PlayerClient ana = PlayerClient.register(base, "Ana", null);
        PlayerClient ben = PlayerClient.register(base, "Ben", ana.teamCode);
        Device anaPhone = ana.online();
        Device benPhone = ben.online();

        Response sent = send(notification(ana, "high"));
        JsonNode frame = anaPhone.await("notification");
        JsonNode listed = PlayerClient.get(base + "/api/notifications", ana.token).json();

        assertThat(sent.status()).isEqualTo(201);
        assertThat(frame.get("notificationId")).isEqualTo(sent.json().get("notificationId"));
        assertThat(frame.get("title").asText()).isEqualTo("Sarah found something");
        assertThat(frame.get("priority").asText()).isEqualTo("high");
        assertThat(frame.at("/metadata/item").asText()).isEqualTo("brass-key");
        assertThat(frame.get("fromCharacter").asText()).isEqualTo("sarah");
        assertThat(benPhone.drain("notification", QUIET)).isEmpty();
        assertThat(listed.get("unreadCount").asLong()).isEqualTo(1);
        assertThat(listed.get("notifications")).singleElement()
                .satisfies(n -> assertThat(n.get("readAt").isNull()).isTrue());
    }

    @Test
    void a_player_marks_by_frame_dismisses_by_http_and_never_reaches_anothers() {
        PlayerClient ana = PlayerClient.register(base, "Ana", null);
        PlayerClient ben = PlayerClient.register(base, "Ben", ana.teamCode);
        Device anaPhone = ana.online();
        String first = send(notification(ana, "normal")).json().get("notificationId").asText();
        String second = send(notification(ana, "low")).json().get("notificationId").asText();

        anaPhone.send(PlayerClient.JSON.createObjectNode().put("type", "notification_read").put("notificationId", first));
        JsonNode updated = anaPhone.await("notification_updated");
        Response bensTry = PlayerClient.post(base + "/api/notifications/" + second + "/dismiss", ben.token, "");
        Response dismissed = PlayerClient.post(base + "/api/notifications/" + second + "/dismiss", ana.token, "");
        JsonNode unread = PlayerClient.get(base + "/api/notifications?unread=true", ana.token).json();

        assertThat(updated.get("changed").asBoolean()).isTrue();
        assertThat(bensTry.status()).isEqualTo(404);
        assertThat(bensTry.json().get("code").asText()).isEqualTo("notification_not_found");
        assertThat(dismissed.status()).isEqualTo(200);
        assertThat(unread.get("unreadCount").asLong()).isZero();
        assertThat(unread.get("notifications")).isEmpty();
    }

    @Test
    void an_idempotency_key_sent_twice_stores_and_pushes_once() {
        PlayerClient ana = PlayerClient.register(base, "Ana", null);
        Device anaPhone = ana.online();
        ObjectNode body = notification(ana, "normal").put("idempotencyKey", "quest-" + UUID.randomUUID());

        Response first = send(body);
        Response again = send(body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("repeated").asBoolean()).isTrue();
        assertThat(again.json().get("notificationId")).isEqualTo(first.json().get("notificationId"));
        assertThat(anaPhone.drain("notification", QUIET)).hasSize(1);
    }

    @Test
    void an_urgent_notification_sent_while_away_comes_back_with_catch_up_until_read() {
        PlayerClient ana = PlayerClient.register(base, "Ana", null);
        send(notification(ana, "low"));
        String urgent = send(notification(ana, "urgent")).json().get("notificationId").asText();

        JsonNode caughtUp = ana.undelivered().json();
        PlayerClient.post(base + "/api/notifications/read-all", ana.token, "");
        JsonNode afterwards = ana.undelivered().json();

        assertThat(caughtUp.get("notifications")).singleElement()
                .satisfies(n -> assertThat(n.get("notificationId").asText()).isEqualTo(urgent));
        assertThat(afterwards.get("notifications")).isEmpty();
    }

    @Test
    void bad_input_is_a_400_naming_the_field_a_player_cannot_send_and_nothing_is_stored() {
        PlayerClient ana = PlayerClient.register(base, "Ana", null);

        Response badPriority = send(notification(ana, "extreme"));
        ObjectNode arrayMetadata = notification(ana, "low");
        arrayMetadata.putArray("metadata");
        Response badMetadata = send(arrayMetadata);
        Response longTitle = send(notification(ana, "low").put("title", "x".repeat(201)));
        Response unknownPlayer = send(notification(ana, "low").put("playerId", "nobody"));
        Response byPlayer = PlayerClient.post(base + "/api/notifications", ana.token, notification(ana, "low").toString());
        Response badCursor = PlayerClient.get(base + "/api/notifications?cursor=nope", ana.token);

        assertThat(badPriority.status()).isEqualTo(400);
        assertThat(badPriority.json().get("field").asText()).isEqualTo("priority");
        assertThat(badMetadata.json().get("field").asText()).isEqualTo("metadata");
        assertThat(longTitle.status()).isEqualTo(400);
        assertThat(unknownPlayer.status()).isEqualTo(404);
        assertThat(byPlayer.status()).isEqualTo(403);
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(PlayerClient.get(base + "/api/notifications", ana.token).json().get("unreadCount").asLong()).isZero();
    }
}
