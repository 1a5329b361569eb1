package io.herald.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.application.fake.FakeHerald;
import io.herald.application.port.Push;
import io.herald.domain.ConnectionId;
import io.herald.domain.Member;
import io.herald.domain.PlayerId;
import io.herald.domain.RoomId;
import io.micronaut.http.HttpRequest;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** {@code /api/rooms} over the fakes: what is stored and pushed, and the exact answer a client reads. */
class RoomsControllerTest {
    private static final RoomId LOBBY = new RoomId("lobby");
    private final FakeHerald herald = new FakeHerald();
    private final HttpFixture http = new HttpFixture(herald);
    private final FakeHerald.TestTeam team = herald.team("Ana", "Ben");
    private final PlayerId ana = team.player(0);
    private final PlayerId ben = team.player(1);
    private final String anasToken = http.tokens.issue(team.session(), ana);
    private final String bensToken = http.tokens.issue(team.session(), ben);
    private final RoomsController controller = new RoomsController(herald.createRoom, herald.joinRoom,
            herald.sendRoomMessage, herald.roomHistory, http.callers);
    private final long epoch = FakeHerald.START.toEpochMilli();

    private HttpFixture.Answer post(String path, String bearer, String body,
            Function<HttpRequest<?>, io.micronaut.http.HttpResponse<?>> handler) {
        HttpRequest<?> request = HttpFixture.post(path, bearer, body);
        return http.call(request, () -> handler.apply(request));
    }

    private HttpFixture.Answer create(String bearer, String body) {
        return post("/api/rooms", bearer, body, r -> controller.create(r, body));
    }

    private HttpFixture.Answer join(String bearer, String room) {
        return post("/api/rooms/" + room + "/join", bearer, null, r -> controller.join(r, room));
    }

    private HttpFixture.Answer send(String bearer, String body) {
        return post("/api/rooms/lobby/messages", bearer, body, r -> controller.send(r, LOBBY.value(), body));
    }

    private HttpFixture.Answer history(String bearer, Optional<String> before, Optional<String> after,
            Optional<String> limit) {
        HttpRequest<?> request = HttpFixture.get("/api/rooms/lobby/messages", bearer);
        return http.call(request, () -> controller.messages(request, LOBBY.value(), before, after, limit));
    }

    private HttpFixture.Answer mine(String bearer) {
        HttpRequest<?> request = HttpFixture.get("/api/rooms", bearer);
        return http.call(request, () -> controller.mine(request));
    }

    private void lobbyWithAnaAndBen() {
        assertThat(create(anasToken, "{\"roomId\":\"lobby\",\"name\":\"Lobby\"}").status()).isEqualTo(201);
        assertThat(join(bensToken, "lobby").status()).isEqualTo(200);
    }

    @Test
    void a_player_makes_a_room_and_is_its_first_member() {
        HttpFixture.Answer answer = create(anasToken, "{\"roomId\":\"lobby\",\"name\":\"Lobby\"}");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.body().toString()).isEqualTo("{\"roomId\":\"lobby\",\"name\":\"Lobby\",\"guild\":false,"
                + "\"offset\":0,\"epoch\":" + epoch + ",\"members\":1,\"success\":true}");
        assertThat(herald.rooms.membership(LOBBY, new Member(team.session(), ana))).isPresent();
    }

    @Test
    void the_service_key_makes_an_empty_room_named_after_its_id() {
        HttpFixture.Answer answer = create(HttpFixture.SERVICE_KEY, "{\"roomId\":\"lobby\"}");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.body().get("name").asText()).isEqualTo("lobby");
        assertThat(answer.body().get("members").asInt()).isZero();
    }

    @Test
    void a_room_made_twice_is_409_room_exists_and_a_guilds_room_cannot_be_made_here() {
        create(anasToken, "{\"roomId\":\"lobby\"}");

        assertThat(create(bensToken, "{\"roomId\":\"lobby\"}")).satisfies(answer -> {
            assertThat(answer.status()).isEqualTo(409);
            assertThat(answer.code()).isEqualTo("room_exists");
        });
        assertThat(create(anasToken, "{\"roomId\":\"GUILD#g1\"}")).satisfies(answer -> {
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.code()).isEqualTo("guild_room");
        });
        assertThat(herald.rooms.find(new RoomId("GUILD#g1"))).isEmpty();
    }

    @Test
    void a_bad_room_body_is_a_400_naming_the_field() {
        assertThat(create(anasToken, "{\"name\":\"x\"}")).satisfies(answer -> {
            assertThat(answer.code()).isEqualTo("missing_field");
            assertThat(answer.body().get("field").asText()).isEqualTo("roomId");
        });
        assertThat(create(anasToken, "{\"roomId\":\"lobby\",\"name\":\"a\\u0007b\"}").body().get("field").asText())
                .isEqualTo("name");
        assertThat(create(null, "{\"roomId\":\"lobby\"}").status()).isEqualTo(401);
        assertThat(herald.rooms.find(LOBBY)).isEmpty();
    }

    @Test
    void joining_twice_is_no_error_and_leaving_a_room_one_is_not_in_is_403_not_a_member() {
        create(anasToken, "{\"roomId\":\"lobby\"}");

        assertThat(join(bensToken, "lobby").body().toString())
                .isEqualTo("{\"roomId\":\"lobby\",\"member\":true,\"already\":false,\"success\":true}");
        assertThat(join(bensToken, "lobby").body().get("already").asBoolean()).isTrue();
        HttpFixture.Answer left = post("/api/rooms/lobby/leave", bensToken, null, r -> controller.leave(r, "lobby"));
        assertThat(left.body().toString()).isEqualTo("{\"roomId\":\"lobby\",\"member\":false,\"success\":true}");
        assertThat(herald.rooms.membership(LOBBY, new Member(team.session(), ben))).isEmpty();
        HttpFixture.Answer again = post("/api/rooms/lobby/leave", bensToken, null, r -> controller.leave(r, "lobby"));
        assertThat(again.status()).isEqualTo(403);
        assertThat(again.code()).isEqualTo("not_a_member");
    }

    @Test
    void joining_a_room_nobody_made_is_404_and_the_service_key_is_no_player() {
        assertThat(join(bensToken, "nowhere")).satisfies(answer -> {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.code()).isEqualTo("unknown_room");
        });
        assertThat(join(HttpFixture.SERVICE_KEY, "lobby")).satisfies(answer -> {
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.code()).isEqualTo("player_only");
        });
    }

    @Test
    void a_message_is_stored_pushed_to_the_subscribers_and_answered_with_201() {
        lobbyWithAnaAndBen();
        ConnectionId bensPhone = herald.connect(team.session(), ben);
        herald.roomSubscriptions.open(bensPhone, LOBBY);

        HttpFixture.Answer answer = send(anasToken, "{\"text\":\"  hello  \",\"clientMessageId\":\"c-1\"}");

        assertThat(answer.status()).isEqualTo(201);
        String id = herald.gateway.pushesTo(bensPhone, Push.RoomMessageSaid.class).getFirst().message().id().value();
        assertThat(answer.body().toString()).isEqualTo("{\"roomId\":\"lobby\",\"offset\":1,\"epoch\":" + epoch
                + ",\"messageId\":\"" + id + "\",\"senderId\":\"" + ana + "\",\"senderSessionId\":\"" + team.session()
                + "\",\"text\":\"hello\",\"ts\":\"2026-01-09T10:30:00.000Z\",\"repeated\":false,\"success\":true}");
    }

    @Test
    void the_same_client_message_id_again_is_200_repeated_with_the_first_message_and_no_push() {
        lobbyWithAnaAndBen();
        ConnectionId bensPhone = herald.connect(team.session(), ben);
        herald.roomSubscriptions.open(bensPhone, LOBBY);
        HttpFixture.Answer first = send(anasToken, "{\"text\":\"hello\",\"clientMessageId\":\"c-1\"}");

        HttpFixture.Answer again = send(anasToken, "{\"text\":\"hello again\",\"clientMessageId\":\"c-1\"}");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("repeated").asBoolean()).isTrue();
        assertThat(again.body().get("messageId")).isEqualTo(first.body().get("messageId"));
        assertThat(again.body().get("text").asText()).isEqualTo("hello");
        assertThat(herald.gateway.pushesTo(bensPhone, Push.RoomMessageSaid.class)).hasSize(1);
    }

    @Test
    void what_may_not_be_sent_is_refused_with_its_code_and_nothing_is_stored() {
        create(anasToken, "{\"roomId\":\"lobby\"}");

        assertThat(send(bensToken, "{\"text\":\"hi\"}")).satisfies(answer -> {
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.code()).isEqualTo("not_a_member");
        });
        assertThat(send(anasToken, "{\"text\":\"   \"}")).satisfies(answer -> {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.code()).isEqualTo("empty_text");
            assertThat(answer.body().get("field").asText()).isEqualTo("text");
        });
        assertThat(send(anasToken, "{\"text\":\"" + "x".repeat(2_001) + "\"}").code()).isEqualTo("text_too_long");
        assertThat(herald.rooms.find(LOBBY).orElseThrow().lastOffset()).isZero();
    }

    @Test
    void a_sender_past_its_allowance_is_429_with_retry_after() {
        create(anasToken, "{\"roomId\":\"lobby\"}");
        for (int i = 0; i < 20; i++) {
            assertThat(send(anasToken, "{\"text\":\"m" + i + "\"}").status()).isEqualTo(201);
        }

        HttpFixture.Answer limited = send(anasToken, "{\"text\":\"one too many\"}");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("rate_limited");
        assertThat(limited.retryAfter()).isPresent();
        assertThat(herald.rooms.find(LOBBY).orElseThrow().lastOffset()).isEqualTo(20);
    }

    @Test
    void history_is_newest_first_a_page_at_a_time_and_after_a_cursor_oldest_first() {
        lobbyWithAnaAndBen();
        for (int i = 1; i <= 3; i++) {
            send(anasToken, "{\"text\":\"m" + i + "\"}");
        }

        HttpFixture.Answer page = history(bensToken, Optional.empty(), Optional.empty(), Optional.of("2"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().get("order").asText()).isEqualTo("newest-first");
        assertThat(page.body().get("messages")).extracting(m -> m.get("text").asText()).containsExactly("m3", "m2");
        String cursor = page.body().get("nextCursor").asText();
        HttpFixture.Answer rest = history(bensToken, Optional.of(cursor), Optional.empty(), Optional.of("2"));
        assertThat(rest.body().get("messages")).extracting(m -> m.get("text").asText()).containsExactly("m1");
        assertThat(rest.body().has("nextCursor")).isFalse();
        HttpFixture.Answer forward = history(bensToken, Optional.empty(), Optional.of(cursor), Optional.empty());
        assertThat(forward.body().get("order").asText()).isEqualTo("oldest-first");
        assertThat(forward.body().get("messages")).extracting(m -> m.get("text").asText()).containsExactly("m3");
    }

    @Test
    void history_refuses_non_members_bad_cursors_and_both_directions_at_once() {
        create(anasToken, "{\"roomId\":\"lobby\"}");

        assertThat(history(bensToken, Optional.empty(), Optional.empty(), Optional.empty()).code())
                .isEqualTo("not_a_member");
        assertThat(history(anasToken, Optional.of("zzz"), Optional.empty(), Optional.empty())).satisfies(answer -> {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.code()).isEqualTo("invalid_cursor");
            assertThat(answer.body().get("field").asText()).isEqualTo("before");
        });
        assertThat(history(anasToken, Optional.empty(), Optional.of("not a cursor"), Optional.empty())).satisfies(answer -> {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.code()).isEqualTo("invalid_cursor");
            assertThat(answer.body().get("field").asText()).isEqualTo("after");
        });
        assertThat(history(anasToken, Optional.of("o1"), Optional.of("o1"), Optional.empty()).body().get("field")
                .asText()).isEqualTo("after");
        assertThat(history(anasToken, Optional.empty(), Optional.empty(), Optional.of("101")).body().get("field")
                .asText()).isEqualTo("limit");
    }

    @Test
    void reading_moves_the_cursor_never_past_the_last_message_and_the_room_list_counts_unread() {
        lobbyWithAnaAndBen();
        for (int i = 1; i <= 3; i++) {
            send(anasToken, "{\"text\":\"m" + i + "\"}");
        }
        String body = "{\"offset\":99,\"epoch\":" + epoch + "}";

        HttpFixture.Answer read = post("/api/rooms/lobby/read", bensToken, body, r -> controller.read(r, "lobby", body));

        assertThat(read.body().toString()).isEqualTo("{\"roomId\":\"lobby\",\"readOffset\":3,\"epoch\":" + epoch
                + ",\"success\":true}");
        assertThat(mine(bensToken).body().get("rooms")).singleElement().satisfies(room -> {
            assertThat(room.get("unread").asLong()).isZero();
            assertThat(room.get("readOffset").asLong()).isEqualTo(3);
        });
        assertThat(mine(anasToken).body().at("/rooms/0/offset").asLong()).isEqualTo(3);
    }

    @Test
    void a_read_position_must_be_whole_numbers() {
        create(anasToken, "{\"roomId\":\"lobby\"}");
        String body = "{\"offset\":-1,\"epoch\":1}";

        HttpFixture.Answer answer = post("/api/rooms/lobby/read", anasToken, body, r -> controller.read(r, "lobby", body));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("invalid_field");
        assertThat(answer.body().get("field").asText()).isEqualTo("offset");
    }
}
