package io.herald.loadtest;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * Each server node's share of a run over several: players connected to it, deliveries its sockets carried, and
 * their rate from the first event. {@code connectedAtEnd} is empty for runs where nobody moves between nodes.
 */
record PerNode(Nodes nodes, List<Integer> connected, List<Integer> connectedAtEnd, NodeTally tally,
        long firstSentNanos) {
    PerNode {
        connected = List.copyOf(connected);
        connectedAtEnd = List.copyOf(connectedAtEnd);
    }

    /** How many of {@code sessions} are on each node and still open. */
    static List<Integer> connected(List<PlayerSession> sessions, int nodes) {
        Integer[] counts = new Integer[nodes];
        Arrays.fill(counts, 0);
        for (PlayerSession session : sessions) {
            if (session.isOpen()) {
                counts[session.node()]++;
            }
        }
        return List.of(counts);
    }

    /** Nothing to say about a lone node: its figures are the run's. */
    boolean worthReporting() {
        return nodes.count() > 1;
    }

    void print(PrintStream out) {
        if (!worthReporting()) {
            return;
        }
        for (int node = 0; node < nodes.count(); node++) {
            out.printf("node%d %s: %d players connected%s, %d deliveries, %s deliveries/s%n", node,
                    nodes.get(node).url(), connected.get(node),
                    connectedAtEnd.isEmpty() ? "" : " (" + connectedAtEnd.get(node) + " at the end)",
                    tally.deliveries(node), rate(node));
        }
    }

    ResultLine addTo(ResultLine line) {
        if (!worthReporting()) {
            return line;
        }
        line.put("nodes", nodes.count());
        for (int node = 0; node < nodes.count(); node++) {
            line.put("node" + node + "_connected", connected.get(node));
            if (!connectedAtEnd.isEmpty()) {
                line.put("node" + node + "_connected_end", connectedAtEnd.get(node));
            }
            line.put("node" + node + "_deliveries", tally.deliveries(node))
                    .put("node" + node + "_per_s", rate(node));
        }
        return line;
    }

    private String rate(int node) {
        return firstSentNanos == Long.MAX_VALUE ? "n/a" : tally.rate(node, firstSentNanos);
    }
}
