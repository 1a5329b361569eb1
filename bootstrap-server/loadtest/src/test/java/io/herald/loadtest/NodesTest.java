package io.herald.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodesTest {
    private static RegisteredPlayer player(int team, int seat) {
        return new RegisteredPlayer("T" + team, "s" + team, "p" + team + "-" + seat, "n", "ws://h/ws", "t");
    }

    private static Roster roster(int teams, int size) {
        List<List<RegisteredPlayer>> players = new ArrayList<>();
        for (int team = 0; team < teams; team++) {
            List<RegisteredPlayer> members = new ArrayList<>();
            for (int seat = 0; seat < size; seat++) {
                members.add(player(team, seat));
            }
            players.add(members);
        }
        return new Roster(players, List.of());
    }

    @Test
    void player_k_of_team_t_is_on_node_t_plus_k_modulo_the_node_count() {
        assertThat(Nodes.of(0, 0, 3)).isZero();
        assertThat(Nodes.of(0, 2, 3)).isEqualTo(2);
        assertThat(Nodes.of(2, 2, 3)).isEqualTo(1);
        assertThat(Nodes.of(7, 5, 1)).isZero();
    }

    @Test
    void with_several_nodes_every_team_spans_several_of_them_and_the_load_is_even() {
        Roster roster = roster(4, 5);

        List<Integer> placed = Nodes.place(roster, 3);

        assertThat(placed).hasSize(20);
        for (int team = 0; team < 4; team++) {
            Set<Integer> nodesOfTeam = new HashSet<>(placed.subList(5 * team, 5 * team + 5));
            assertThat(nodesOfTeam).as("team " + team).hasSize(3);
        }
        assertThat(Collections.frequency(placed, 0)).isBetween(6, 7);
        assertThat(Collections.frequency(placed, 1)).isBetween(6, 7);
        assertThat(Collections.frequency(placed, 2)).isBetween(6, 7);
    }

    @Test
    void the_first_players_of_consecutive_teams_start_on_different_nodes() {
        assertThat(Nodes.place(roster(3, 2), 2)).containsExactly(0, 1, 1, 0, 0, 1);
    }

    @Test
    void one_node_takes_everybody_and_keeps_trusting_the_returned_websocket_url() throws Exception {
        Nodes nodes = new Nodes(List.of(URI.create("http://127.0.0.1:8080")), ServerUnderTest.newClient(),
                Clock.systemUTC());
        RegisteredPlayer player = new RegisteredPlayer("ABC234", "s1", "p1", "Ana", "ws://127.0.0.1:9999/socket", "t");

        assertThat(Nodes.place(roster(3, 5), 1)).containsOnly(0);
        assertThat(nodes.describe()).isEqualTo("http://127.0.0.1:8080");
        assertThat(ServerUnderTest.webSocketUri(nodes.get(0).url(), player, false).getPort()).isEqualTo(9999);
    }

    @Test
    void several_nodes_are_named_by_index_in_the_order_given() {
        Nodes nodes = new Nodes(List.of(URI.create("http://10.0.0.1:8080"), URI.create("http://10.0.0.2:8080")),
                ServerUnderTest.newClient(), Clock.systemUTC());

        assertThat(nodes.count()).isEqualTo(2);
        assertThat(nodes.get(1).node()).isEqualTo(1);
        assertThat(nodes.forSeat(0, 1).url()).isEqualTo(URI.create("http://10.0.0.2:8080"));
        assertThat(nodes.describe()).isEqualTo("node0=http://10.0.0.1:8080, node1=http://10.0.0.2:8080");
    }
}
