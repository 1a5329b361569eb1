package io.herald.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConnectionTest {
    private static final SessionId SESSION = new SessionId("s1");
    private static final PlayerId ANA = new PlayerId("ana");
    private final Connection joined = Connection.opened(new ConnectionId("c1"), SESSION, ANA, Instant.EPOCH).join();

    private static InboxKey keyOf(String player) {
        return new InboxKey(new PlayerId(player), new EventId("NodeComplete-1234"));
    }

    @Test
    void a_joined_connection_may_acknowledge_its_own_players_keys() {
        assertThat(joined.mayAcknowledge(SESSION, keyOf("ana"))).isEmpty();
    }

    @Test
    void a_key_of_another_player_is_refused() {
        assertThat(joined.mayAcknowledge(SESSION, keyOf("ben"))).contains(Refusal.NOT_YOUR_MESSAGE);
    }

    @Test
    void a_key_whose_player_only_shares_a_prefix_is_refused() {
        assertThat(joined.mayAcknowledge(SESSION, keyOf("ana2"))).contains(Refusal.NOT_YOUR_MESSAGE);
    }

    @Test
    void another_session_is_refused() {
        assertThat(joined.mayAcknowledge(new SessionId("s2"), keyOf("ana"))).contains(Refusal.SESSION_MISMATCH);
    }

    @Test
    void a_connection_that_has_not_joined_cannot_acknowledge() {
        Connection opened = Connection.opened(new ConnectionId("c2"), SESSION, ANA, Instant.EPOCH);

        assertThat(opened.mayAcknowledge(SESSION, keyOf("ana"))).contains(Refusal.UNKNOWN_CONNECTION);
    }

    @Test
    void a_join_must_name_the_authenticated_session_and_player() {
        Connection opened = Connection.opened(new ConnectionId("c2"), SESSION, ANA, Instant.EPOCH);

        assertThat(opened.mayJoin(SESSION, ANA)).isEmpty();
        assertThat(opened.mayJoin(SESSION, new PlayerId("ben"))).contains(Refusal.PLAYER_MISMATCH);
        assertThat(opened.mayJoin(new SessionId("s2"), ANA)).contains(Refusal.SESSION_MISMATCH);
    }

    @Test
    void a_connection_opens_then_joins_once_and_stays_joined() {
        Connection opened = Connection.opened(new ConnectionId("c3"), SESSION, ANA, Instant.EPOCH);

        assertThat(opened.stage()).isEqualTo(Connection.Stage.OPENED);
        assertThat(opened.join().stage()).isEqualTo(Connection.Stage.JOINED);
        assertThat(joined.join()).isSameAs(joined);
    }
}
