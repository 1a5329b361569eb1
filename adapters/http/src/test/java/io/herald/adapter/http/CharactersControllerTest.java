package io.herald.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.application.fake.FakeHerald;
import io.herald.application.port.Push;
import io.herald.domain.ConnectionId;
import io.herald.domain.PlayerId;
import io.micronaut.http.HttpRequest;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A player's chat with a character: both turns stored and answered, the reply pushed to the player's devices. */
class CharactersControllerTest {
    private final FakeHerald herald = new FakeHerald();
    private final HttpFixture http = new HttpFixture(herald);
    private final FakeHerald.TestTeam team = herald.team("Ana", "Ben");
    private final PlayerId ana = team.player(0);
    private final String anasToken = http.tokens.issue(team.session(), ana);
    private final CharactersController controller = new CharactersController(herald.chatWithCharacter, http.callers);

    private HttpFixture.Answer say(String bearer, String body) {
        HttpRequest<?> request = HttpFixture.post("/api/characters/sarah/chat", bearer, body);
        return http.call(request, () -> controller.say(request, "sarah", body));
    }

    private HttpFixture.Answer history(String bearer, Optional<String> cursor, Optional<String> limit) {
        HttpRequest<?> request = HttpFixture.get("/api/characters/sarah/chat", bearer);
        return http.call(request, () -> controller.history(request, "sarah", cursor, limit));
    }

    @Test
    void saying_something_answers_both_turns_and_pushes_the_reply_to_the_players_devices_only() {
        ConnectionId anasPhone = herald.connect(team.session(), ana);
        ConnectionId bensPhone = herald.connect(team.session(), team.player(1));

        HttpFixture.Answer answer = say(anasToken, "{\"text\":\"Hello?\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("fellBack").asBoolean()).isTrue();
        assertThat(answer.body().get("said").get("role").asText()).isEqualTo("player");
        assertThat(answer.body().get("said").get("text").asText()).isEqualTo("Hello?");
        assertThat(answer.body().get("reply").toString()).isEqualTo("{\"turnId\":\""
                + answer.body().at("/reply/turnId").asText() + "\",\"characterId\":\"sarah\",\"role\":\"character\","
                + "\"text\":\"sarah is lost in thought and does not answer just now.\","
                + "\"createdAt\":\"2026-01-09T10:30:00.000Z\",\"llmInteractionId\":null}");
        assertThat(herald.gateway.pushesTo(anasPhone, Push.ChatReply.class)).singleElement()
                .satisfies(push -> assertThat(push.turn().id()).isEqualTo(answer.body().at("/reply/turnId").asText()));
        assertThat(herald.gateway.pushesTo(bensPhone)).isEmpty();
    }

    @Test
    void the_history_is_newest_first_and_the_players_own() {
        say(anasToken, "{\"text\":\"one\"}");

        HttpFixture.Answer page = history(anasToken, Optional.empty(), Optional.of("1"));

        assertThat(page.body().get("characterId").asText()).isEqualTo("sarah");
        assertThat(page.body().get("turns")).singleElement()
                .satisfies(turn -> assertThat(turn.get("role").asText()).isEqualTo("character"));
        HttpFixture.Answer rest = history(anasToken, Optional.of(page.body().get("nextCursor").asText()), Optional.empty());
        assertThat(rest.body().get("turns")).extracting(t -> t.get("text").asText()).containsExactly("one");
        String bensToken = http.tokens.issue(team.session(), team.player(1));
        assertThat(history(bensToken, Optional.empty(), Optional.empty()).body().get("turns")).isEmpty();
    }

    @Test
    void refusals_keep_their_codes_and_store_nothing() {
        assertThat(say(HttpFixture.SERVICE_KEY, "{\"text\":\"hi\"}").code()).isEqualTo("player_only");
        assertThat(say(anasToken, "{\"text\":\"  \"}")).satisfies(answer -> {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.code()).isEqualTo("empty_text");
        });
        assertThat(say(anasToken, "{}").code()).isEqualTo("missing_field");
        assertThat(history(anasToken, Optional.of("garbage"), Optional.empty()).code()).isEqualTo("invalid_cursor");
        assertThat(history(anasToken, Optional.of("not a cursor"), Optional.empty()).code()).isEqualTo("invalid_cursor");
        assertThat(history(anasToken, Optional.empty(), Optional.empty()).body().get("turns")).isEmpty();
    }

    @Test
    void a_player_talking_faster_than_allowed_is_429_with_retry_after() {
        for (int i = 0; i < 5; i++) {
            assertThat(say(anasToken, "{\"text\":\"m" + i + "\"}").status()).isEqualTo(200);
        }

        HttpFixture.Answer limited = say(anasToken, "{\"text\":\"again\"}");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("rate_limited");
        assertThat(limited.retryAfter()).contains("1");
    }
}
