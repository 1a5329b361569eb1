package io.herald.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.application.RecordGameEvent;
import io.herald.application.fake.FakeHerald;
import io.herald.application.port.EventPublisher;
import io.herald.application.port.Push;
import io.herald.domain.ConnectionId;
import io.herald.domain.PlayerId;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
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
        RateLimitSettings limits = new RateLimitSettings();
        limits.setEventsPerSecond(2);
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
        RateLimitSettings limits = new RateLimitSettings();
        limits.setEventsPerSecond(1);
        limits.setServiceEventsPerSecond(3);
        RuntimeController controller = controller(limits);

        assertThat(post(controller, anasToken, event(ana, "n0").toString()).status()).isEqualTo(200);
        for (int i = 1; i <= 3; i++) {
            assertThat(post(controller, HttpFixture.SERVICE_KEY, event(ana, "n" + i).toString()).status()).isEqualTo(200);
        }
        assertThat(post(controller, HttpFixture.SERVICE_KEY, event(ana, "n4").toString()).status()).isEqualTo(429);
    }

    @Test
    void an_unauthenticated_request_uses_up_nobodys_allowance() {
        RateLimitSettings limits = new RateLimitSettings();
        limits.setEventsPerSecond(1);
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
        HttpFixture.Answer cursor = http.call(request, () -> controller.undelivered(request, session, player,
                Optional.of("not a cursor"), Optional.empty()));
        assertThat(cursor.status()).isEqualTo(400);
        assertThat(cursor.body().get("field").asText()).isEqualTo("cursor");
    }
}
