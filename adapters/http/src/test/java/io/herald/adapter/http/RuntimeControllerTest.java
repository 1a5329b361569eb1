package io.herald.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.application.FetchUndelivered;
import io.herald.application.RecordGameEvent;
import io.herald.application.fake.FakeHerald;
import io.herald.application.port.EventPublisher;
import io.herald.application.port.MessageStore;
import io.herald.application.port.Push;
import io.herald.domain.ConnectionId;
import io.herald.domain.PlayerId;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code /runtime/*} over the fakes: who may report what, what a refused request leaves behind, and the limits. */
class RuntimeControllerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FakeHerald herald = new FakeHerald();
    private final HttpFixture http = new HttpFixture(herald);
    private final FakeHerald.TestTeam team = herald.team("Ana", "Ben");
    private final PlayerId ana = team.player(0);
    private final PlayerId ben = team.player(1);
    private final ConnectionId benPhone = herald.connect(team.session(), ben);
    private final String anasToken = http.tokens.issue(team.session(), ana);

    private RuntimeController controller(RateLimitSettings limits, RecordGameEvent record) {
        return new RuntimeController(record, herald.fetchUndelivered, herald.describeSession, http.callers,
                herald.clock, RateLimits.of(limits, herald.clock), herald.playerNotifications);
    }

    private RuntimeController controller(RateLimitSettings limits) {
        return controller(limits, herald.recordGameEvent);
    }

    private HttpFixture.Answer post(RuntimeController controller, String bearer, String body) {
        MutableHttpRequest<String> request = HttpFixture.post("/runtime/events", bearer, body);
        return http.call(request, () -> controller.event(request, body));
    }

    private ObjectNode event(PlayerId player, String nodeId) {
        return JSON.createObjectNode().put("sessionId", team.session().value()).put("playerId", player.value())
                .put("eventType", "NodeComplete").put("nodeId", nodeId);
    }

    private String withDeltas(ObjectNode event, String deltas) {
        return event.toString().replaceFirst("}$", ",\"deltas\":" + deltas + "}");
    }

    private List<Push.RuntimeDeltas> deltasAtBen() {
        return herald.gateway.pushesTo(benPhone, Push.RuntimeDeltas.class);
    }

    @Test
    void a_players_delta_about_another_player_is_a_403_and_nothing_is_published_or_pushed() {
        HttpFixture.Answer answer = post(controller(HttpFixture.noLimits()), anasToken,
                withDeltas(event(ana, "n"), "[{\"type\":\"NODE_COMPLETED\",\"playerId\":\"" + ben + "\"}]"));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.code()).isEqualTo("delta_player_mismatch");
        assertThat(answer.body().get("field").asText()).isEqualTo("deltas[0].playerId");
        assertThat(herald.publisher.published()).isEmpty();
        assertThat(deltasAtBen()).isEmpty();
    }

    @Test
    void a_players_delta_reaches_the_others_as_that_players_with_the_servers_time() {
        HttpFixture.Answer answer = post(controller(HttpFixture.noLimits()), anasToken, withDeltas(event(ana, "n"),
                "[{\"type\":\"NODE_COMPLETED\",\"nodeId\":\"n\",\"timestamp\":\"2020-01-01T00:00:00Z\"}]"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(deltasAtBen()).singleElement().satisfies(push -> assertThat(push.deltas()).singleElement()
                .satisfies(delta -> {
                    assertThat(delta.fields()).containsEntry("playerId", ana.value());
                    assertThat(delta.timestamp()).isEqualTo(herald.clock.now());
                }));
        assertThat(answer.body().at("/deltas/0/timestamp").asText()).isEqualTo("2026-01-09T10:30:00.000Z");
    }

    @Test
    void the_service_key_may_report_a_delta_about_any_player() {
        HttpFixture.Answer answer = post(controller(HttpFixture.noLimits()), HttpFixture.SERVICE_KEY,
                withDeltas(event(ana, "n"), "[{\"type\":\"PLAYER_JOINED\",\"playerId\":\"" + ben + "\"}]"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().at("/deltas/0/playerId").asText()).isEqualTo(ben.value());
    }

    @Test
    void a_number_that_would_change_on_the_way_is_a_400_and_nothing_is_published() {
        HttpFixture.Answer answer = post(controller(HttpFixture.noLimits()), anasToken,
                withDeltas(event(ana, "n"), "[{\"type\":\"CONSENSUS_UPDATED\",\"total\":1e400}]"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("invalid_number");
        assertThat(answer.body().get("field").asText()).isEqualTo("deltas[0].total");
        assertThat(herald.publisher.published()).isEmpty();
    }

    @Test
    void an_empty_body_is_a_401_without_credentials_and_a_400_with_them() {
        RuntimeController controller = controller(HttpFixture.noLimits());

        assertThat(post(controller, null, null).code()).isEqualTo("unauthenticated");
        assertThat(post(controller, anasToken, null)).satisfies(answer -> {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.code()).isEqualTo("invalid_json");
        });
    }

    @Test
    void a_player_sending_events_faster_than_allowed_gets_429_with_retry_after_and_the_extra_event_is_not_recorded() {
        RateLimitSettings limits = HttpFixture.limits(20, 60, 10, 2, 1000);
        RuntimeController controller = controller(limits);
        String bensToken = http.tokens.issue(team.session(), ben);

        assertThat(post(controller, anasToken, event(ana, "n1").toString()).status()).isEqualTo(200);
        assertThat(post(controller, anasToken, event(ana, "n2").toString()).status()).isEqualTo(200);
        HttpFixture.Answer limited = post(controller, anasToken, event(ana, "n3").toString());

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("rate_limited");
        assertThat(limited.retryAfter()).contains("1");
        assertThat(herald.publisher.published()).hasSize(2);
        assertThat(post(controller, bensToken, event(ben, "n1").toString()).status()).isEqualTo(200);
        herald.clock.advance(Duration.ofSeconds(1));
        assertThat(post(controller, anasToken, event(ana, "n3").toString()).status()).isEqualTo(200);
    }

    @Test
    void the_service_key_has_an_allowance_of_its_own() {
        RateLimitSettings limits = HttpFixture.limits(20, 60, 10, 1, 3);
        RuntimeController controller = controller(limits);

        assertThat(post(controller, anasToken, event(ana, "n0").toString()).status()).isEqualTo(200);
        for (int i = 1; i <= 3; i++) {
            assertThat(post(controller, HttpFixture.SERVICE_KEY, event(ana, "n" + i).toString()).status()).isEqualTo(200);
        }
        assertThat(post(controller, HttpFixture.SERVICE_KEY, event(ana, "n4").toString()).status()).isEqualTo(429);
    }

    @Test
    void an_unauthenticated_request_uses_up_nobodys_allowance() {
        RateLimitSettings limits = HttpFixture.limits(20, 60, 10, 1, 1000);
        RuntimeController controller = controller(limits);

        for (int i = 0; i < 5; i++) {
            assertThat(post(controller, "forged", event(ana, "n").toString()).status()).isEqualTo(401);
        }
        assertThat(post(controller, anasToken, event(ana, "n").toString()).status()).isEqualTo(200);
    }

    @Test
    void orchestration_that_cannot_take_the_event_is_a_503_busy_with_retry_after() {
        RecordGameEvent busy = new RecordGameEvent(herald.directory, herald.fanout, event -> {
            throw new EventPublisher.Unavailable("queue full", Duration.ofSeconds(2), null);
        });

        HttpFixture.Answer answer = post(controller(HttpFixture.noLimits(), busy), anasToken, event(ana, "n").toString());

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.code()).isEqualTo("busy");
        assertThat(answer.retryAfter()).contains("2");
    }

    @Test
    void a_page_size_out_of_range_is_reported_under_limit_and_a_foreign_cursor_under_cursor() {
        RuntimeController controller = controller(HttpFixture.noLimits());
        String query = "/runtime/messages/undelivered";
        HttpRequest<?> request = HttpRequest.GET(query).header("Authorization", "Bearer " + anasToken);
        Optional<String> session = Optional.of(team.session().value());
        Optional<String> player = Optional.of(ana.value());

        for (String limit : List.of("0", "101", "ten", "99999999999")) {
            HttpFixture.Answer answer = http.call(request, () -> controller.undelivered(request, session, player,
                    Optional.empty(), Optional.of(limit)));
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body().get("field").asText()).isEqualTo("limit");
        }
        for (String refused : List.of("not a cursor", "bm90LWEtY3Vyc29y", "c".repeat(5_000))) {
            HttpFixture.Answer cursor = http.call(request, () -> controller.undelivered(request, session, player,
                    Optional.of(refused), Optional.empty()));
            assertThat(cursor.status()).isEqualTo(400);
            assertThat(cursor.code()).isEqualTo("invalid_field");
            assertThat(cursor.body().get("field").asText()).isEqualTo("cursor");
        }
    }

    @Test
    void a_store_that_fails_during_catch_up_is_a_fault_of_ours_not_a_bad_cursor() {
        MessageStore failing = (MessageStore) Proxy.newProxyInstance(MessageStore.class.getClassLoader(),
                new Class<?>[] {MessageStore.class}, (proxy, method, arguments) -> {
                    throw new IllegalArgumentException("a store bug, whatever the client sent");
                });
        RuntimeController controller = new RuntimeController(herald.recordGameEvent,
                new FetchUndelivered(failing, herald.clock), herald.describeSession, http.callers, herald.clock,
                RateLimits.of(HttpFixture.noLimits(), herald.clock), herald.playerNotifications);
        HttpRequest<?> request = HttpRequest.GET("/runtime/messages/undelivered")
                .header("Authorization", "Bearer " + anasToken);

        HttpFixture.Answer answer = http.call(request, () -> controller.undelivered(request,
                Optional.of(team.session().value()), Optional.of(ana.value()), Optional.of("bm90LWEtY3Vyc29y"),
                Optional.empty()));

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body().has("field")).isFalse();
    }

    @Test
    void a_players_event_naming_another_player_of_its_session_is_a_403_player_mismatch_and_nothing_happens() {
        HttpFixture.Answer answer = post(controller(HttpFixture.noLimits()), anasToken, event(ben, "n").toString());

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.code()).isEqualTo("player_mismatch");
        assertThat(answer.body().get("field").asText()).isEqualTo("playerId");
        assertThat(herald.publisher.published()).isEmpty();
        assertThat(herald.gateway.totalPushes()).isZero();
    }

    @Test
    void a_players_event_about_another_session_is_a_403_forbidden() {
        FakeHerald.TestTeam other = herald.team("Cy");
        String body = event(ana, "n").put("sessionId", other.session().value()).toString();

        HttpFixture.Answer answer = post(controller(HttpFixture.noLimits()), anasToken, body);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.code()).isEqualTo("forbidden");
        assertThat(herald.publisher.published()).isEmpty();
    }

    @Test
    void the_service_key_reports_any_players_event_and_the_others_get_its_deltas() {
        HttpFixture.Answer answer = post(controller(HttpFixture.noLimits()), HttpFixture.SERVICE_KEY,
                event(ana, "gate").toString());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(herald.publisher.published()).singleElement()
                .satisfies(published -> assertThat(published.actor()).contains(ana));
        // A derived delta's own fields come in no fixed order; the answer's do.
        assertThat(answer.body().fieldNames()).toIterable().containsExactly("eventId", "deltas", "success");
        assertThat(answer.body().get("eventId").asText()).isEqualTo(herald.publisher.published().getFirst().id().value());
        assertThat(answer.body().get("success").asBoolean()).isTrue();
        assertThat(answer.body().get("deltas")).singleElement().isEqualTo(JSON.createObjectNode()
                .put("type", "NODE_COMPLETED").put("nodeId", "gate").put("playerId", ana.value())
                .put("timestamp", "2026-01-09T10:30:00.000Z"));
        assertThat(deltasAtBen()).hasSize(1);
    }

    @Test
    void a_player_without_playerId_is_a_400_missing_field() {
        ObjectNode body = event(ana, "n");
        body.remove("playerId");

        HttpFixture.Answer answer = post(controller(HttpFixture.noLimits()), anasToken, body.toString());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("missing_field");
        assertThat(answer.body().get("field").asText()).isEqualTo("playerId");
        assertThat(herald.publisher.published()).isEmpty();
    }

    @Test
    void an_event_for_a_session_nobody_registered_is_a_404_for_the_service_key() {
        String body = event(ana, "n").put("sessionId", "no-such-session").toString();

        HttpFixture.Answer answer = post(controller(HttpFixture.noLimits()), HttpFixture.SERVICE_KEY, body);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("unknown_session");
    }

    private HttpFixture.Answer undelivered(String bearer, PlayerId player, Optional<String> cursor, Optional<String> limit) {
        RuntimeController controller = controller(HttpFixture.noLimits());
        HttpRequest<?> request = HttpFixture.get("/runtime/messages/undelivered", bearer);
        return http.call(request, () -> controller.undelivered(request, Optional.of(team.session().value()),
                Optional.of(player.value()), cursor, limit));
    }

    @Test
    void catch_up_gives_the_missed_messages_and_on_the_first_page_the_pressing_notifications() {
        post(controller(HttpFixture.noLimits()), HttpFixture.SERVICE_KEY, event(ana, "gate").toString());
        herald.orchestrate.handle(herald.publisher.published().getFirst());
        herald.notify.notify(new io.herald.application.Notify.Command(new io.herald.domain.Member(team.session(), ana),
                "alert", "Hurry", "The gate closes", io.herald.domain.Priority.URGENT, "{\"k\":1}", Optional.empty(),
                Optional.empty()));

        HttpFixture.Answer first = undelivered(anasToken, ana, Optional.empty(), Optional.of("1"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("success").asBoolean()).isTrue();
        assertThat(first.body().get("messages")).singleElement().satisfies(message -> {
            assertThat(message.get("content").asText()).isEqualTo("Nice work!");
            assertThat(message.get("sessionId").asText()).isEqualTo(team.session().value());
            assertThat(message.get("timestamp").asText()).isEqualTo("2026-01-09T10:30:00.000Z");
            assertThat(message.fieldNames()).toIterable()
                    .containsExactly("messageId", "messageType", "content", "timestamp", "sk", "sessionId");
        });
        assertThat(first.body().get("notifications")).singleElement().satisfies(n -> {
            assertThat(n.get("title").asText()).isEqualTo("Hurry");
            assertThat(n.get("metadata").toString()).isEqualTo("{\"k\":1}");
            assertThat(n.get("readAt").isNull()).isTrue();
            assertThat(n.get("fromCharacter").isNull()).isTrue();
        });
        assertThat(first.body().has("nextCursor")).isFalse();
        HttpFixture.Answer blank = undelivered(anasToken, ana, Optional.of(""), Optional.of("1"));
        assertThat(blank.status()).isEqualTo(200);
        assertThat(blank.body().get("messages")).hasSize(1);
        assertThat(blank.body().has("notifications")).isFalse();
    }

    @Test
    void catch_up_of_another_player_is_a_403_player_mismatch_and_the_service_key_reads_anyones() {
        HttpFixture.Answer answer = undelivered(anasToken, ben, Optional.empty(), Optional.empty());

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.code()).isEqualTo("player_mismatch");
        assertThat(undelivered(HttpFixture.SERVICE_KEY, ben, Optional.empty(), Optional.empty()).body().toString())
                .isEqualTo("{\"messages\":[],\"notifications\":[],\"success\":true}");
        assertThat(undelivered(null, ana, Optional.empty(), Optional.empty()).status()).isEqualTo(401);
    }

    @Test
    void the_session_snapshot_lists_the_players_with_their_devices_online() {
        RuntimeController controller = controller(HttpFixture.noLimits());
        HttpRequest<?> request = HttpFixture.get("/api/runtime/session/" + team.session().value(), anasToken);

        HttpFixture.Answer answer = http.call(request, () -> controller.session(request, team.session().value()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("mode").asText()).isEqualTo("team");
        assertThat(answer.body().get("travelMode").asText()).isEqualTo("co-located");
        assertThat(answer.body().get("players")).hasSize(2);
        assertThat(answer.body().at("/players/1/playerId").asText()).isEqualTo(ben.value());
        assertThat(answer.body().at("/players/1/devicesOnline").asInt()).isEqualTo(1);
        assertThat(answer.body().at("/players/0/devicesOnline").asInt()).isZero();
    }

    @Test
    void the_snapshot_of_another_session_is_403_and_of_an_unknown_one_404() {
        RuntimeController controller = controller(HttpFixture.noLimits());
        FakeHerald.TestTeam other = herald.team("Cy");
        HttpRequest<?> request = HttpFixture.get("/api/runtime/session/x", anasToken);
        HttpRequest<?> service = HttpFixture.get("/api/runtime/session/x", HttpFixture.SERVICE_KEY);

        assertThat(http.call(request, () -> controller.session(request, other.session().value())).code())
                .isEqualTo("forbidden");
        assertThat(http.call(service, () -> controller.session(service, "nobody"))).satisfies(answer -> {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.code()).isEqualTo("unknown_session");
        });
    }
}
