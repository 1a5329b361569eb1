package io.herald.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.application.fake.FakeHerald;
import io.herald.domain.Member;
import io.herald.domain.PlayerId;
import io.herald.domain.RoomId;
import io.micronaut.http.HttpRequest;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A guild's member list, kept with the service key: the guild's room follows it, and a player may not touch it. */
class GuildsControllerTest {
    private static final RoomId GUILD_ROOM = new RoomId("GUILD#g1");
    private final FakeHerald herald = new FakeHerald();
    private final HttpFixture http = new HttpFixture(herald);
    private final FakeHerald.TestTeam team = herald.team("Ana", "Ben", "Cy");
    private final GuildsController controller = new GuildsController(herald.guildMembers, http.callers);

    private HttpFixture.Answer add(String bearer, PlayerId player) {
        HttpRequest<?> request = HttpFixture.put("/api/guilds/g1/members/x/y", bearer, null);
        return http.call(request, () -> controller.add(request, "g1", team.session().value(), player.value()));
    }

    private HttpFixture.Answer remove(String bearer, PlayerId player) {
        HttpRequest<?> request = HttpFixture.delete("/api/guilds/g1/members/x/y", bearer);
        return http.call(request, () -> controller.remove(request, "g1", team.session().value(), player.value()));
    }

    private HttpFixture.Answer list(Optional<String> after, Optional<String> limit) {
        HttpRequest<?> request = HttpFixture.get("/api/guilds/g1/members", HttpFixture.SERVICE_KEY);
        return http.call(request, () -> controller.list(request, "g1", after, limit));
    }

    @Test
    void the_first_member_brings_the_guilds_room_into_being_and_adding_again_is_no_error() {
        HttpFixture.Answer added = add(HttpFixture.SERVICE_KEY, team.player(0));

        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body().toString())
                .isEqualTo("{\"roomId\":\"GUILD#g1\",\"member\":true,\"already\":false,\"success\":true}");
        assertThat(herald.rooms.membership(GUILD_ROOM, new Member(team.session(), team.player(0)))).isPresent();
        assertThat(add(HttpFixture.SERVICE_KEY, team.player(0)).body().get("already").asBoolean()).isTrue();
    }

    @Test
    void removing_takes_the_player_out_of_the_room_and_removing_a_stranger_is_403_not_a_member() {
        add(HttpFixture.SERVICE_KEY, team.player(0));

        assertThat(remove(HttpFixture.SERVICE_KEY, team.player(0)).body().toString())
                .isEqualTo("{\"roomId\":\"GUILD#g1\",\"member\":false,\"success\":true}");
        assertThat(herald.rooms.membership(GUILD_ROOM, new Member(team.session(), team.player(0)))).isEmpty();
        assertThat(remove(HttpFixture.SERVICE_KEY, team.player(0))).satisfies(answer -> {
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.code()).isEqualTo("not_a_member");
        });
    }

    @Test
    void a_players_token_may_not_keep_the_list_and_changes_nothing() {
        String anasToken = http.tokens.issue(team.session(), team.player(0));

        assertThat(add(anasToken, team.player(0))).satisfies(answer -> {
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.code()).isEqualTo("service_only");
        });
        assertThat(add(null, team.player(0)).status()).isEqualTo(401);
        assertThat(herald.rooms.find(GUILD_ROOM)).isEmpty();
    }

    @Test
    void the_list_comes_a_page_at_a_time_with_the_next_cursor_while_a_page_is_full() {
        team.players().forEach(p -> add(HttpFixture.SERVICE_KEY, p));

        HttpFixture.Answer first = list(Optional.empty(), Optional.of("2"));

        assertThat(first.body().get("guildId").asText()).isEqualTo("g1");
        assertThat(first.body().get("members")).hasSize(2);
        String next = first.body().get("next").asText();
        assertThat(next).isEqualTo(team.session() + "|" + first.body().at("/members/1/playerId").asText());
        HttpFixture.Answer rest = list(Optional.of(next), Optional.of("2"));
        assertThat(rest.body().get("members")).hasSize(1);
        assertThat(rest.body().has("next")).isFalse();
    }

    @Test
    void a_cursor_that_is_not_session_bar_player_is_a_400_about_after() {
        HttpFixture.Answer answer = list(Optional.of("no-bar"), Optional.empty());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("invalid_field");
        assertThat(answer.body().get("field").asText()).isEqualTo("after");
    }
}
