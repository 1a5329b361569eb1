package io.herald.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.application.fake.FakeHerald;
import io.herald.application.port.Push;
import io.herald.domain.ConnectionId;
import io.herald.domain.Member;
import io.herald.domain.PlayerId;
import io.micronaut.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code /api/notifications}: the service key sends, a player reads and marks its own, and nobody else's. */
class NotificationsControllerTest {
    private final FakeHerald herald = new FakeHerald();
    private final HttpFixture http = new HttpFixture(herald);
    private final FakeHerald.TestTeam team = herald.team("Ana", "Ben");
    private final PlayerId ana = team.player(0);
    private final String anasToken = http.tokens.issue(team.session(), ana);
    private final String bensToken = http.tokens.issue(team.session(), team.player(1));
    private final NotificationsController controller = new NotificationsController(herald.notify,
            herald.playerNotifications, http.callers);

    private String toAna(String extra) {
        return "{\"sessionId\":\"" + team.session() + "\",\"playerId\":\"" + ana + "\",\"notificationType\":\"quest\","
                + "\"title\":\"New quest\",\"message\":\"Find the key\"" + extra + "}";
    }

    private HttpFixture.Answer send(String bearer, String body) {
        HttpRequest<?> request = HttpFixture.post("/api/notifications", bearer, body);
        return http.call(request, () -> controller.send(request, body));
    }

    private HttpFixture.Answer list(String bearer, Optional<String> unread, Optional<String> cursor,
            Optional<String> limit) {
        HttpRequest<?> request = HttpFixture.get("/api/notifications", bearer);
        return http.call(request, () -> controller.list(request, unread, cursor, limit));
    }

    private HttpFixture.Answer read(String bearer, String id) {
        HttpRequest<?> request = HttpFixture.post("/api/notifications/" + id + "/read", bearer, null);
        return http.call(request, () -> controller.read(request, id));
    }

    @Test
    void a_notification_is_stored_pushed_to_the_players_devices_and_answered_with_201() {
        ConnectionId anasPhone = herald.connect(team.session(), ana);

        HttpFixture.Answer answer = send(HttpFixture.SERVICE_KEY,
                toAna(",\"priority\":\"high\",\"metadata\":{\"questId\":7,\"tags\":[\"a\"]},\"fromCharacter\":\"sarah\""));

        assertThat(answer.status()).isEqualTo(201);
        String id = herald.gateway.pushesTo(anasPhone, Push.NotificationSent.class).getFirst().notification().id().value();
        assertThat(answer.body().toString()).isEqualTo("{\"notificationId\":\"" + id + "\",\"notificationType\":\"quest\","
                + "\"title\":\"New quest\",\"message\":\"Find the key\",\"priority\":\"high\","
                + "\"metadata\":{\"questId\":7,\"tags\":[\"a\"]},\"fromCharacter\":\"sarah\","
                + "\"createdAt\":\"2026-01-09T10:30:00.000Z\",\"readAt\":null,\"dismissedAt\":null,"
                + "\"repeated\":false,\"success\":true}");
    }

    @Test
    void the_same_idempotency_key_again_is_200_repeated_with_the_first_one_and_pushes_nothing_more() {
        ConnectionId anasPhone = herald.connect(team.session(), ana);
        HttpFixture.Answer first = send(HttpFixture.SERVICE_KEY, toAna(",\"idempotencyKey\":\"k1\""));

        HttpFixture.Answer again = send(HttpFixture.SERVICE_KEY, toAna(",\"idempotencyKey\":\"k1\""));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("repeated").asBoolean()).isTrue();
        assertThat(again.body().get("notificationId")).isEqualTo(first.body().get("notificationId"));
        assertThat(herald.gateway.pushesTo(anasPhone, Push.NotificationSent.class)).hasSize(1);
    }

    @Test
    void only_the_service_key_sends_and_a_bad_field_is_a_400_naming_it() {
        assertThat(send(anasToken, toAna(""))).satisfies(answer -> {
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.code()).isEqualTo("service_only");
        });
        assertThat(send(HttpFixture.SERVICE_KEY, toAna(",\"priority\":\"loud\"")).body().get("field").asText())
                .isEqualTo("priority");
        assertThat(send(HttpFixture.SERVICE_KEY, toAna(",\"metadata\":[1]")).body().get("field").asText())
                .isEqualTo("metadata");
        assertThat(send(HttpFixture.SERVICE_KEY, toAna(",\"idempotencyKey\":\"" + "k".repeat(129) + "\"")).code())
                .isEqualTo("invalid_field");
        assertThat(send(HttpFixture.SERVICE_KEY, toAna("").replace("New quest", "t".repeat(201))).code())
                .isEqualTo("invalid_field");
        assertThat(herald.notifications.unreadCount(new Member(team.session(), ana))).isZero();
    }

    @Test
    void a_notification_for_a_player_nobody_registered_is_404() {
        HttpFixture.Answer answer = send(HttpFixture.SERVICE_KEY, toAna("").replace(ana.value(), "nobody"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("unknown_player");
    }

    @Test
    void a_player_lists_its_own_newest_first_with_the_unread_count_a_page_at_a_time() {
        for (int i = 1; i <= 3; i++) {
            send(HttpFixture.SERVICE_KEY, toAna("").replace("New quest", "q" + i));
            herald.clock.advance(Duration.ofSeconds(1));
        }

        HttpFixture.Answer page = list(anasToken, Optional.empty(), Optional.empty(), Optional.of("2"));

        assertThat(page.body().get("unreadCount").asLong()).isEqualTo(3);
        assertThat(page.body().get("notifications")).extracting(n -> n.get("title").asText()).containsExactly("q3", "q2");
        HttpFixture.Answer rest = list(anasToken, Optional.empty(), Optional.of(page.body().get("nextCursor").asText()),
                Optional.of("2"));
        assertThat(rest.body().get("notifications")).extracting(n -> n.get("title").asText()).containsExactly("q1");
        assertThat(rest.body().has("nextCursor")).isFalse();
        assertThat(list(bensToken, Optional.empty(), Optional.empty(), Optional.empty()).body().get("notifications"))
                .isEmpty();
    }

    @Test
    void a_list_refuses_what_it_cannot_read() {
        assertThat(list(anasToken, Optional.of("yes"), Optional.empty(), Optional.empty()).body().get("field").asText())
                .isEqualTo("unread");
        assertThat(list(anasToken, Optional.empty(), Optional.of("not-a-cursor"), Optional.empty()).code())
                .isEqualTo("invalid_cursor");
        for (String malformed : List.of("", "not a cursor", "n".repeat(5_000))) {
            assertThat(list(anasToken, Optional.empty(), Optional.of(malformed), Optional.empty())).satisfies(answer -> {
                assertThat(answer.status()).isEqualTo(400);
                assertThat(answer.code()).isEqualTo("invalid_cursor");
                assertThat(answer.body().get("field").asText()).isEqualTo("cursor");
            });
        }
        assertThat(list(HttpFixture.SERVICE_KEY, Optional.empty(), Optional.empty(), Optional.empty()).code())
                .isEqualTo("player_only");
    }

    @Test
    void marking_read_changes_it_once_and_another_players_notification_is_not_found() {
        String id = send(HttpFixture.SERVICE_KEY, toAna("")).body().get("notificationId").asText();

        assertThat(read(anasToken, id).body().toString())
                .isEqualTo("{\"notificationId\":\"" + id + "\",\"changed\":true,\"success\":true}");
        assertThat(read(anasToken, id).body().get("changed").asBoolean()).isFalse();
        JsonNode listed = list(anasToken, Optional.empty(), Optional.empty(), Optional.empty()).body();
        assertThat(listed.get("unreadCount").asLong()).isZero();
        assertThat(listed.at("/notifications/0/readAt").asText()).isEqualTo("2026-01-09T10:30:00.000Z");
        assertThat(read(bensToken, id)).satisfies(answer -> {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.code()).isEqualTo("notification_not_found");
        });
    }

    @Test
    void dismissing_also_reads_and_marking_all_read_counts_only_the_rest() {
        String first = send(HttpFixture.SERVICE_KEY, toAna("")).body().get("notificationId").asText();
        send(HttpFixture.SERVICE_KEY, toAna("").replace("New quest", "another"));
        HttpRequest<?> dismiss = HttpFixture.post("/api/notifications/" + first + "/dismiss", anasToken, null);
        HttpRequest<?> all = HttpFixture.post("/api/notifications/read-all", anasToken, null);

        assertThat(http.call(dismiss, () -> controller.dismiss(dismiss, first)).body().get("changed").asBoolean()).isTrue();
        assertThat(http.call(all, () -> controller.readAll(all)).body().toString())
                .isEqualTo("{\"marked\":1,\"success\":true}");
        assertThat(herald.notifications.unreadCount(new Member(team.session(), ana))).isZero();
    }
}
