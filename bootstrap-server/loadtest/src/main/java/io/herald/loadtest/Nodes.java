package io.herald.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The server nodes a run drives, and which one each player uses: player {@code k} of team {@code t} is on node
 * {@code (t + k) mod n}, so that with several nodes every team spans several of them and each push has to cross.
 */
final class Nodes {
    private final List<ServerUnderTest> servers;

    Nodes(List<URI> urls, HttpClient client, Clock clock) {
        List<ServerUnderTest> built = new ArrayList<>(urls.size());
        for (int node = 0; node < urls.size(); node++) {
            built.add(new ServerUnderTest(node, urls.get(node), client, clock, urls.size() > 1));
        }
        this.servers = List.copyOf(built);
    }

    static int of(int team, int seat, int nodes) {
        return (team + seat) % nodes;
    }

    /** The node of every player of the roster, in the order of {@link Roster#players()}. */
    static List<Integer> place(Roster roster, int nodes) {
        List<Integer> placed = new ArrayList<>();
        for (int team = 0; team < roster.teams().size(); team++) {
            for (int seat = 0; seat < roster.teams().get(team).size(); seat++) {
                placed.add(of(team, seat, nodes));
            }
        }
        return List.copyOf(placed);
    }

    int count() {
        return servers.size();
    }

    ServerUnderTest get(int node) {
        return servers.get(node);
    }

    ServerUnderTest forSeat(int team, int seat) {
        return servers.get(of(team, seat, servers.size()));
    }

    List<ServerUnderTest> all() {
        return servers;
    }

    /** {@code node i} is named by its index in the printed results; this is the legend. */
    String describe() {
        return servers.size() == 1 ? servers.getFirst().url().toString()
                : servers.stream().map(server -> "node" + server.node() + "=" + server.url())
                        .collect(Collectors.joining(", "));
    }
}
