package io.herald.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.application.fake.FakeHerald;
import io.herald.application.port.Push;
import io.herald.domain.ConnectionId;
import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** Conversations between characters: held with the service key, overheard by the session, read back by its players. */
class ConversationsControllerTest {
    private final FakeHerald herald = new FakeHerald();
    private final HttpFixture http = new HttpFixture(herald);
    private final FakeHerald.TestTeam team = herald.team("Ana");
    private final String session = team.session().value();
    private final String anasToken = http.tokens.issue(team.session(), team.player(0));
    private final ConversationsController controller = new ConversationsController(herald.characterConversation,
            http.callers);

    private HttpFixture.Answer hold(String bearer, String inSession, String body) {
        HttpRequest<?> request = HttpFixture.post("/api/sessions/" + inSession + "/conversations", bearer, body);
        return http.call(request, () -> controller.hold(request, inSession, body));
    }

    private HttpFixture.Answer read(String bearer, String inSession, String id) {
        HttpRequest<?> request = HttpFixture.get("/api/sessions/" + inSession + "/conversations/" + id, bearer);
        return http.call(request, () -> controller.read(request, inSession, id));
    }

    @Test
    void a_conversation_is_pushed_line_by_line_to_the_session_and_answered_with_201() {
        ConnectionId anasPhone = herald.connect(team.session(), team.player(0));

        HttpFixture.Answer answer = hold(HttpFixture.SERVICE_KEY, session,
                "{\"characters\":[\"sarah\",\"john\"],\"topic\":\"the storm\",\"lines\":3}");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.body().get("lines")).extracting(l -> l.get("characterId").asText())
                .containsExactly("sarah", "john", "sarah");
        assertThat(answer.body().at("/lines/1").toString()).isEqualTo("{\"index\":1,\"characterId\":\"john\","
                + "\"text\":\"john is lost in thought and does not answer just now.\","
                + "\"createdAt\":\"2026-01-09T10:30:00.000Z\",\"llmInteractionId\":null}");
        assertThat(herald.gateway.pushesTo(anasPhone, Push.CharacterLine.class)).hasSize(3);
    }

    @Test
    void the_sessions_player_reads_it_back_and_another_session_or_id_is_refused() {
        String id = hold(HttpFixture.SERVICE_KEY, session, "{\"characters\":[\"sarah\",\"john\"],\"topic\":\"x\"}")
                .body().get("conversationId").asText();

        HttpFixture.Answer read = read(anasToken, session, id);
        assertThat(read.body().get("conversationId").asText()).isEqualTo(id);
        assertThat(read.body().get("lines")).hasSize(6);
        assertThat(read(anasToken, session, "v-nothing")).satisfies(answer -> {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.code()).isEqualTo("unknown_conversation");
        });
        String othersToken = http.tokens.issue(herald.team("Cy").session(), team.player(0));
        assertThat(read(othersToken, session, id)).satisfies(answer -> {
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.code()).isEqualTo("forbidden");
        });
    }

    @Test
    void only_the_service_key_holds_one_and_a_bad_request_is_a_400_with_nothing_pushed() {
        ConnectionId anasPhone = herald.connect(team.session(), team.player(0));
        String body = "{\"characters\":[\"sarah\",\"john\"],\"topic\":\"x\"}";

        assertThat(hold(anasToken, session, body).code()).isEqualTo("service_only");
        assertThat(hold(HttpFixture.SERVICE_KEY, session, "{\"characters\":\"sarah\",\"topic\":\"x\"}").code())
                .isEqualTo("missing_field");
        assertThat(hold(HttpFixture.SERVICE_KEY, session, "{\"characters\":[\"sarah\",1],\"topic\":\"x\"}").code())
                .isEqualTo("invalid_field");
        assertThat(hold(HttpFixture.SERVICE_KEY, session, "{\"characters\":[\"sarah\"],\"topic\":\"x\"}")).satisfies(a -> {
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.code()).isEqualTo("invalid_field");
        });
        assertThat(hold(HttpFixture.SERVICE_KEY, session, body.replace("}", ",\"lines\":13}")).code())
                .isEqualTo("invalid_field");
        assertThat(hold(HttpFixture.SERVICE_KEY, "nobody", body)).satisfies(answer -> {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.code()).isEqualTo("unknown_session");
        });
        assertThat(herald.gateway.pushesTo(anasPhone)).isEmpty();
    }
}
