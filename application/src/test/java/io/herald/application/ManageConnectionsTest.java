package io.herald.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.application.fake.FakeHerald;
import io.herald.domain.ConnectionId;
import io.herald.domain.ConnectionRecord;
import io.herald.domain.ConnectionStatus;
import io.herald.domain.Member;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ManageConnectionsTest {
    private final FakeHerald herald = new FakeHerald();
    private final FakeHerald.TestTeam team = herald.team("Ana", "Ben");
    private final Member ana = new Member(team.session(), team.player(0));

    private ConnectionRecord record(ConnectionId id) {
        return herald.connectionLog.find(id).orElseThrow();
    }

    @Test
    void opening_records_the_connection_and_closing_marks_it_disconnected() {
        ConnectionId phone = herald.connect(team.session(), team.player(0));

        assertThat(herald.manageConnections.ofPlayer(ana)).extracting(ConnectionRecord::id).containsExactly(phone);
        herald.clock.advance(Duration.ofSeconds(5));
        herald.closeConnection.close(new CloseConnection.Command(phone));

        assertThat(record(phone).status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(record(phone).disconnectedAt()).contains(herald.clock.now());
    }

    @Test
    void activity_is_written_at_most_once_a_minute_per_connection() {
        ConnectionId phone = herald.connect(team.session(), team.player(0));
        herald.clock.advance(Duration.ofSeconds(61));
        herald.connectionActivity.seen(phone);
        java.time.Instant first = herald.clock.now();
        herald.clock.advance(Duration.ofSeconds(30));
        herald.connectionActivity.seen(phone);

        assertThat(record(phone).lastActivity()).isEqualTo(first);
        herald.clock.advance(Duration.ofSeconds(31));
        herald.connectionActivity.seen(phone);
        assertThat(record(phone).lastActivity()).isEqualTo(herald.clock.now());
    }

    @Test
    void cleanup_closes_silent_own_sockets_forgets_long_closed_ones_and_leaves_others_to_their_node() {
        ConnectionId silentHere = herald.connect(team.session(), team.player(0));
        ConnectionId silentElsewhere = herald.connect(team.session(), team.player(1));
        ConnectionId closedLongAgo = herald.connect(team.session(), team.player(1));
        herald.closer.owns(silentHere);
        herald.closeConnection.close(new CloseConnection.Command(closedLongAgo));
        herald.clock.advance(Duration.ofMinutes(61));
        ConnectionId lively = herald.connect(team.session(), team.player(0));

        ManageConnections.Cleaned cleaned = herald.manageConnections.cleanUp(Duration.ofHours(1));

        assertThat(cleaned).isEqualTo(new ManageConnections.Cleaned(1, 1));
        assertThat(herald.closer.closed).containsExactly(silentHere);
        assertThat(record(silentHere).status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(herald.connectionLog.find(closedLongAgo)).isEmpty();
        assertThat(record(silentElsewhere).status()).as("its own node closes it").isEqualTo(ConnectionStatus.CONNECTED);
        assertThat(record(lively).status()).isEqualTo(ConnectionStatus.CONNECTED);

        herald.clock.advance(Duration.ofMinutes(60));
        herald.manageConnections.cleanUp(Duration.ofHours(1));
        assertThat(record(silentElsewhere).status()).as("silent twice as long: its node is presumed gone")
                .isEqualTo(ConnectionStatus.DISCONNECTED);
    }

    @Test
    void disconnecting_by_status_closes_the_socket_where_it_can() {
        ConnectionId phone = herald.connect(team.session(), team.player(0));
        ConnectionId elsewhere = herald.connect(team.session(), team.player(1));
        herald.closer.owns(phone);

        assertThat(herald.manageConnections.setStatus(phone, ConnectionStatus.DISCONNECTED)).isTrue();
        assertThat(herald.manageConnections.setStatus(elsewhere, ConnectionStatus.DISCONNECTED)).isTrue();
        assertThat(herald.closer.closed).containsExactly(phone);
        assertThat(record(phone).status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(record(elsewhere).status()).as("marked even where the socket is another node's")
                .isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(herald.manageConnections.ofPlayer(ana)).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(ConnectionStatus.DISCONNECTED));
        assertThat(herald.manageConnections.setStatus(new ConnectionId("nobody"), ConnectionStatus.CONNECTED)).isFalse();
    }
}
