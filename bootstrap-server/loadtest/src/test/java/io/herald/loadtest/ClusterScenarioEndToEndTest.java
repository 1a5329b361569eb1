package io.herald.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster scenario end to end over real loopback sockets against two {@link FakeHeraldNode} nodes sharing
 * one state; the kill command is a real shell command whose effect a fake node watches for.
 */
class ClusterScenarioEndToEndTest {
    private static final FakeHeraldNode.NodeFault FINE = FakeHeraldNode.NodeFault.NONE;
    // Two per page, so that a player catching up on more than two messages has to follow the cursor.
    private static final int PAGE = 2;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    @TempDir
    Path scratch;

    private int run(String... args) throws InterruptedException {
        return LoadTest.run(args, out, out);
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    /** The figures of the RESULT line. */
    private Map<String, String> result() {
        String line = printed().lines().filter(each -> each.startsWith("RESULT ")).reduce((a, b) -> b).orElseThrow();
        Map<String, String> fields = new HashMap<>();
        for (String pair : line.substring("RESULT ".length()).split(" ")) {
            fields.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return fields;
    }

    private int figure(String key) {
        assertThat(result()).as(printed()).containsKey(key);
        return Integer.parseInt(result().get(key));
    }

    @Test
    void without_a_kill_every_player_joins_its_own_node_events_go_round_robin_and_everything_arrives_live()
            throws Exception {
        try (FakeCluster cluster = new FakeCluster(PAGE, FINE, FINE)) {
            int exit = run("cluster", "--urls", cluster.urls(), "--sessions", "3", "--players", "4", "--events", "24",
                    "--timeout", "5s", "--settle", "50ms");

            assertThat(exit).as(printed()).isZero();
            // 24 NodeComplete messages, 3 earlier arrivals per team, and a broadcast copy for each of 4 players.
            assertThat(figure("ai_expected")).isEqualTo(24 + 3 * 3 + 3 * 4);
            assertThat(figure("ai_live")).isEqualTo(figure("ai_expected"));
            assertThat(figure("ai_catchup") + figure("ai_lost") + figure("ai_duplicated") + figure("ai_unexpected")
                    + figure("ai_died_node")).isZero();
            assertThat(figure("broadcast_teams")).isEqualTo(3);
            assertThat(figure("broadcast_complete")).isEqualTo(3);
            // Each event and each arrival goes to the 3 teammates of its player.
            assertThat(figure("delta_expected")).isEqualTo((24 + 12) * 3);
            assertThat(figure("delta_delivered")).isEqualTo(figure("delta_expected"));
            assertThat(result()).containsEntry("died_node", "none").containsEntry("kill_exit", "none");
            // RegisteredPlayer answers with node0's socket address; players of node1 must still be on node1.
            assertThat(cluster.node(0).joins()).isEqualTo(6);
            assertThat(cluster.node(1).joins()).isEqualTo(6);
            assertThat(figure("node0_connected")).isEqualTo(6);
            assertThat(figure("node1_connected")).isEqualTo(6);
            // Event i goes to node i mod 2 whoever its player is; arrivals go to each player's own node.
            assertThat(cluster.node(0).eventsAccepted()).isEqualTo(12 + 6);
            assertThat(cluster.node(1).eventsAccepted()).isEqualTo(12 + 6);
            assertThat(figure("node0_deliveries") + figure("node1_deliveries"))
                    .isEqualTo(figure("ai_live") + figure("delta_delivered"));
            assertThat(figure("node0_deliveries")).isPositive();
            assertThat(figure("node1_deliveries")).isPositive();
            assertThat(cluster.state().acknowledged()).hasSize(figure("ai_expected"));
        }
    }

    @Test
    void when_a_named_node_is_killed_its_players_reconnect_to_the_survivor_and_catch_up_on_what_it_never_pushed()
            throws Exception {
        try (FakeCluster cluster = new FakeCluster(PAGE, FINE, FakeHeraldNode.NodeFault.NEVER_PUSHES_AI_MESSAGES)) {
            Path trigger = scratch.resolve("kill-node1");
            cluster.node(1).killWhenCreated(trigger);

            int exit = run("cluster", "--urls", cluster.urls(), "--sessions", "3", "--players", "4", "--events", "200",
                    "--kill-command", "echo stopping node1; touch '" + trigger + "'", "--kill-after", "20",
                    "--kill-url", cluster.node(1).url(), "--concurrency", "2", "--timeout", "10s", "--settle", "50ms");

            assertThat(exit).as(printed()).isZero();
            assertThat(printed()).contains("kill: `echo stopping node1; touch", "exited 0", "output: stopping node1");
            assertThat(result()).containsEntry("died_node", "1").containsEntry("kill_exit", "0");
            assertThat(figure("reconnected")).as("node1's players").isEqualTo(6);
            assertThat(figure("reconnect_failures")).isZero();
            assertThat(figure("ai_lost") + figure("ai_duplicated") + figure("ai_unexpected")).isZero();
            // node1 stored its players' messages but never pushed them: only catch-up could deliver those.
            assertThat(figure("ai_catchup")).isPositive();
            assertThat(figure("caught_up")).isGreaterThanOrEqualTo(figure("ai_catchup"));
            assertThat(figure("ai_live") + figure("ai_catchup") + figure("ai_died_node"))
                    .isEqualTo(figure("ai_expected"));
            assertThat(figure("broadcast_complete")).isEqualTo(3);
            assertThat(figure("delta_lost") + figure("delta_duplicated") + figure("delta_unexpected")).isZero();
            assertThat(figure("node1_connected_end")).isZero();
            assertThat(figure("node0_connected_end")).isEqualTo(12);
            assertThat(figure("dropped")).as("no socket of the surviving node dropped").isZero();
            // Every message that reached its player, live or caught up, was acknowledged delivered.
            assertThat(cluster.state().acknowledged()).hasSize(figure("ai_live") + figure("ai_catchup"));
        }
    }

    @Test
    void messages_of_events_the_killed_node_accepted_but_never_orchestrated_are_reported_apart_and_do_not_fail()
            throws Exception {
        try (FakeCluster cluster = new FakeCluster(PAGE, FINE, FakeHeraldNode.NodeFault.NEVER_ORCHESTRATES)) {
            Path trigger = scratch.resolve("kill-node1");
            cluster.node(1).killWhenCreated(trigger);

            // No --kill-url: the tool finds out which node stopped answering.
            int exit = run("cluster", "--urls", cluster.urls(), "--sessions", "3", "--players", "4", "--events", "60",
                    "--kill-command", "touch '" + trigger + "'", "--kill-after", "20", "--concurrency", "2",
                    "--timeout", "3s", "--settle", "0");

            assertThat(exit).as(printed()).isZero();
            assertThat(result()).containsEntry("died_node", "1");
            assertThat(printed()).contains("!!! ACCEPTED BY A NODE THAT DIED BEFORE IT WAS ORCHESTRATED");
            assertThat(figure("ai_died_node")).isPositive().isLessThanOrEqualTo(cluster.node(1).eventsAccepted());
            assertThat(figure("ai_lost")).isZero();
        }
    }

    @Test
    void what_the_killed_node_stored_but_never_pushed_is_found_by_a_final_catch_up_and_not_counted_as_died()
            throws Exception {
        try (FakeCluster cluster = new FakeCluster(PAGE, FINE, FakeHeraldNode.NodeFault.STORES_WITHOUT_PUSHING)) {
            Path trigger = scratch.resolve("kill-node1");
            cluster.node(1).killWhenCreated(trigger);

            int exit = run("cluster", "--urls", cluster.urls(), "--sessions", "3", "--players", "4", "--events", "60",
                    "--kill-command", "touch '" + trigger + "'", "--kill-after", "20", "--kill-url",
                    cluster.node(1).url(), "--concurrency", "2", "--timeout", "5s", "--settle", "0");

            assertThat(exit).as(printed()).isZero();
            // node0's players never reconnect: only the final catch-up can bring what node1 stored for them.
            assertThat(figure("final_caught_up")).isPositive();
            assertThat(figure("ai_lost")).isZero();
            assertThat(figure("ai_live") + figure("ai_catchup") + figure("ai_died_node"))
                    .isEqualTo(figure("ai_expected"));
            assertThat(cluster.state().acknowledged()).hasSize(figure("ai_live") + figure("ai_catchup"));
        }
    }

    @Test
    void the_same_stuck_node_without_a_kill_loses_those_messages_and_fails_the_run() throws Exception {
        try (FakeCluster cluster = new FakeCluster(PAGE, FINE, FakeHeraldNode.NodeFault.NEVER_ORCHESTRATES)) {
            int exit = run("cluster", "--urls", cluster.urls(), "--sessions", "2", "--players", "2", "--events", "8",
                    "--timeout", "1s", "--settle", "0");

            assertThat(exit).as(printed()).isEqualTo(LoadTest.FAILURES);
            assertThat(figure("ai_died_node")).isZero();
            // Four of the NodeComplete events went to node1, which never orchestrates anything.
            assertThat(figure("ai_lost")).isGreaterThanOrEqualTo(4);
            assertThat(printed()).doesNotContain("!!!");
        }
    }

    @Test
    void a_kill_command_that_takes_no_node_down_fails_the_run() throws Exception {
        try (FakeCluster cluster = new FakeCluster(PAGE, FINE, FINE)) {
            int exit = run("cluster", "--urls", cluster.urls(), "--sessions", "2", "--players", "2", "--events", "8",
                    "--kill-command", "exit 3", "--kill-after", "4", "--kill-url", cluster.node(1).url(),
                    "--timeout", "1s", "--settle", "0");

            assertThat(exit).as(printed()).isEqualTo(LoadTest.FAILURES);
            assertThat(result()).containsEntry("died_node", "none").containsEntry("kill_exit", "3");
            assertThat(printed()).contains("WARNING: no node stopped answering", "the kill took no node down");
            assertThat(figure("ai_lost")).isZero();
        }
    }

    @Test
    void a_seed_run_over_two_nodes_reports_each_nodes_share() throws Exception {
        try (FakeCluster cluster = new FakeCluster(PAGE, FINE, FINE)) {
            int exit = run("seed", "--urls", cluster.urls(), "--sessions", "2", "--players", "3", "--events", "12",
                    "--timeout", "5s", "--settle", "0");

            assertThat(exit).as(printed()).isZero();
            assertThat(result()).containsEntry("nodes", "2").containsEntry("ai_lost", "0");
            assertThat(figure("node0_connected") + figure("node1_connected")).isEqualTo(6);
            assertThat(cluster.node(0).joins()).isEqualTo(3);
            assertThat(figure("node0_deliveries") + figure("node1_deliveries")).isEqualTo(12 + 24);
        }
    }
}
