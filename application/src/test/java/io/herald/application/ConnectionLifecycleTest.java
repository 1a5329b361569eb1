package io.herald.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.application.fake.FakeHerald;
import io.herald.application.fake.FakeHerald.TestTeam;
import io.herald.application.port.Push;
import io.herald.domain.ConnectionId;
import io.herald.domain.NodeComplete;
import io.herald.domain.NodeId;
import io.herald.domain.PlayerId;
import io.herald.domain.Refusal;
import io.herald.domain.SessionId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectionLifecycleTest {
    private final FakeHerald herald = new FakeHerald();
    private final TestTeam team = herald.team("Ana", "Ben");
    private final PlayerId ana = team.player(0);

    private void benCompletes(String node) {
        herald.recordGameEvent.record(new RecordGameEvent.Command(new NodeComplete(team.session(), team.player(1),
                new NodeId(node), herald.clock.now()), Optional.empty()));
    }

    @Test
    void an_opened_connection_receives_nothing_until_it_joins() {
        ConnectionId phone = new ConnectionId("c-1");
        herald.openConnection.open(new OpenConnection.Command(phone, team.session(), ana));

        assertThat(herald.connections.ofSession(team.session())).isEmpty();
        benCompletes("node-1");
        assertThat(herald.gateway.pushesTo(phone)).isEmpty();

        herald.joinSession.join(new JoinSession.Command(phone, team.session(), ana));
        assertThat(herald.connections.ofPlayer(team.session(), ana)).extracting(c -> c.id()).containsExactly(phone);
        benCompletes("node-2");
        assertThat(herald.gateway.pushesTo(phone, Push.RuntimeDeltas.class)).hasSize(1);
    }

    @Test
    void a_connection_may_only_join_as_the_player_and_session_it_authenticated_as() {
        ConnectionId phone = new ConnectionId("c-1");
        herald.openConnection.open(new OpenConnection.Command(phone, team.session(), ana));

        assertThat(herald.joinSession.join(new JoinSession.Command(phone, team.session(), team.player(1))))
                .isEqualTo(new Refused(Refusal.PLAYER_MISMATCH));
        assertThat(herald.joinSession.join(new JoinSession.Command(phone, new SessionId("other"), ana)))
                .isEqualTo(new Refused(Refusal.SESSION_MISMATCH));
        assertThat(herald.connections.ofSession(team.session())).isEmpty();
    }

    @Test
    void a_join_that_names_no_player_joins_as_the_authenticated_one() {
        ConnectionId phone = new ConnectionId("c-1");
        herald.openConnection.open(new OpenConnection.Command(phone, team.session(), ana));

        herald.joinSession.join(new JoinSession.Command(phone, team.session(), Optional.empty()));

        assertThat(herald.connections.ofPlayer(team.session(), ana)).extracting(c -> c.id()).containsExactly(phone);
    }

    @Test
    void a_join_from_a_connection_never_opened_is_refused() {
        assertThat(herald.joinSession.join(new JoinSession.Command(new ConnectionId("ghost"), team.session(), ana)))
                .isEqualTo(new Refused(Refusal.UNKNOWN_CONNECTION));
    }

    @Test
    void a_player_not_in_the_roster_cannot_join_even_with_a_matching_identity() {
        PlayerId stranger = new PlayerId("stranger");
        ConnectionId phone = new ConnectionId("c-9");
        herald.openConnection.open(new OpenConnection.Command(phone, team.session(), stranger));

        assertThat(herald.joinSession.join(new JoinSession.Command(phone, team.session(), stranger)))
                .isEqualTo(new Refused(Refusal.UNKNOWN_PLAYER));
    }

    @Test
    void closing_forgets_the_connection_and_closing_again_is_harmless() {
        ConnectionId phone = herald.connect(team.session(), ana);

        assertThat(herald.closeConnection.close(new CloseConnection.Command(phone))).isPresent();
        assertThat(herald.closeConnection.close(new CloseConnection.Command(phone))).isEmpty();
        assertThat(herald.connections.ofSession(team.session())).isEmpty();
    }

    @Test
    void a_session_snapshot_counts_each_players_devices() {
        herald.connect(team.session(), ana);
        herald.connect(team.session(), ana);

        DescribeSession.Snapshot snapshot = (DescribeSession.Snapshot) herald.describeSession.describe(team.session());

        assertThat(snapshot.players()).extracting(p -> p.player().name(), DescribeSession.PlayerPresence::devicesOnline)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Ana", 2), org.assertj.core.groups.Tuple.tuple("Ben", 0));
        assertThat(herald.describeSession.describe(new SessionId("nope"))).isEqualTo(new Refused(Refusal.UNKNOWN_SESSION));
    }
}
