package io.herald.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.application.OpenConnection;
import io.herald.application.fake.FakeHerald;
import io.herald.domain.ConnectionId;
import io.herald.domain.ConnectionStatus;
import io.herald.domain.PlayerId;
import io.micronaut.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The connection manager's admin API: service key only; what it reports and what a status change closes. */
class AdminConnectionsControllerTest {
    private final FakeHerald herald = new FakeHerald();
    private final HttpFixture http = new HttpFixture(herald);
    private final FakeHerald.TestTeam team = herald.team("Ana", "Ben");
    private final PlayerId ana = team.player(0);
    private final ConnectionId anasPhone = herald.connect(team.session(), ana);
    private final ConnectionId bensPhone = herald.connect(team.session(), team.player(1));
    private final AdminConnectionsController controller = new AdminConnectionsController(herald.manageConnections,
            http.callers, Duration.ofHours(1));

    private HttpFixture.Answer status(String bearer, ConnectionId id, String body) {
        HttpRequest<?> request = HttpFixture.put("/api/admin/connections/" + id + "/status", bearer, body);
        return http.call(request, () -> controller.status(request, id.value(), body));
    }

    @Test
    void a_players_connections_are_listed_with_every_field() {
        HttpRequest<?> request = HttpFixture.get("/api/admin/players/x/y/connections", HttpFixture.SERVICE_KEY);

        HttpFixture.Answer answer = http.call(request, () -> controller.ofPlayer(request, team.session().value(),
                ana.value()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("connections")).singleElement().satisfies(c -> {
            assertThat(c.get("connectionId").asText()).isEqualTo(anasPhone.value());
            assertThat(c.get("status").asText()).isEqualTo("connected");
            assertThat(c.get("createdAt").asText()).isEqualTo("2026-01-09T10:30:00.000Z");
            assertThat(c.get("disconnectedAt").isNull()).isTrue();
            assertThat(c.fieldNames()).toIterable().containsExactly("connectionId", "sessionId", "playerId", "status",
                    "createdAt", "lastActivity", "clientAddress", "userAgent", "disconnectedAt");
        });
    }

    @Test
    void all_connections_come_a_page_at_a_time_and_a_session_lists_its_own() {
        HttpRequest<?> request = HttpFixture.get("/api/admin/connections", HttpFixture.SERVICE_KEY);

        HttpFixture.Answer first = http.call(request, () -> controller.all(request, Optional.empty(), Optional.of("1")));
        HttpFixture.Answer rest = http.call(request, () -> controller.all(request,
                Optional.of(first.body().get("nextCursor").asText()), Optional.of("1")));
        HttpFixture.Answer session = http.call(request, () -> controller.ofSession(request, team.session().value()));

        assertThat(first.body().get("connections")).hasSize(1);
        assertThat(rest.body().get("connections")).hasSize(1);
        assertThat(rest.body().at("/connections/0/connectionId")).isNotEqualTo(first.body().at("/connections/0/connectionId"));
        assertThat(session.body().get("connections")).hasSize(2);
        assertThat(http.call(request, () -> controller.all(request, Optional.of("a|b"), Optional.empty())).code())
                .isEqualTo("invalid_cursor");
        assertThat(http.call(request, () -> controller.all(request, Optional.of("not a cursor"), Optional.empty())))
                .satisfies(answer -> {
                    assertThat(answer.code()).isEqualTo("invalid_cursor");
                    assertThat(answer.body().get("field").asText()).isEqualTo("cursor");
                });
    }

    @Test
    void disconnecting_closes_the_socket_here_and_marks_the_record() {
        herald.closer.owns(anasPhone);

        HttpFixture.Answer answer = status(HttpFixture.SERVICE_KEY, anasPhone, "{\"status\":\"disconnected\"}");

        assertThat(answer.body().toString()).isEqualTo("{\"connectionId\":\"" + anasPhone
                + "\",\"status\":\"disconnected\",\"success\":true}");
        assertThat(herald.closer.closed).containsExactly(anasPhone);
        assertThat(herald.connectionLog.find(anasPhone).orElseThrow().status()).isEqualTo(ConnectionStatus.DISCONNECTED);
    }

    @Test
    void a_status_change_is_refused_for_a_token_an_unknown_connection_or_an_unknown_status() {
        assertThat(status(http.tokens.issue(team.session(), ana), anasPhone, "{\"status\":\"disconnected\"}"))
                .satisfies(answer -> {
                    assertThat(answer.status()).isEqualTo(403);
                    assertThat(answer.code()).isEqualTo("service_only");
                });
        assertThat(status(HttpFixture.SERVICE_KEY, new ConnectionId("c-nobody"), "{\"status\":\"connected\"}"))
                .satisfies(answer -> {
                    assertThat(answer.status()).isEqualTo(404);
                    assertThat(answer.code()).isEqualTo("connection_not_found");
                });
        assertThat(status(HttpFixture.SERVICE_KEY, anasPhone, "{\"status\":\"asleep\"}").body().get("field").asText())
                .isEqualTo("status");
        assertThat(herald.connectionLog.find(anasPhone).orElseThrow().status()).isEqualTo(ConnectionStatus.CONNECTED);
        assertThat(herald.closer.closed).isEmpty();
    }

    @Test
    void a_cleanup_closes_the_silent_and_forgets_the_long_gone() {
        herald.closer.owns(bensPhone);
        herald.clock.advance(Duration.ofMinutes(61));
        ConnectionId fresh = herald.ids.newConnectionId();
        herald.openConnection.open(new OpenConnection.Command(fresh, team.session(), ana));
        HttpRequest<?> request = HttpFixture.post("/api/admin/connections/cleanup", HttpFixture.SERVICE_KEY, null);

        HttpFixture.Answer answer = http.call(request, () -> controller.cleanUp(request));

        assertThat(answer.body().toString())
                .isEqualTo("{\"closed\":1,\"forgotten\":0,\"inactiveAfterSeconds\":3600,\"success\":true}");
        assertThat(herald.closer.closed).containsExactly(bensPhone);
        assertThat(herald.connectionLog.find(fresh).orElseThrow().status()).isEqualTo(ConnectionStatus.CONNECTED);
    }
}
