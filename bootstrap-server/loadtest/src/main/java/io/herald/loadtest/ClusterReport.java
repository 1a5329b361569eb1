package io.herald.loadtest;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a cluster run found, once every phase is over: printed for a person, then as the RESULT line, with the
 * verdict. Messages of events the dead node accepted and never orchestrated are shown loudly but pass.
 */
record ClusterReport(ScenarioOptions.Cluster options, Nodes nodes, int players, long registerMillis,
        long joinMillis, PostedEvents events, PostedEvents arrivals, boolean complete, FailoverPoster poster,
        Outage outage, Optional<KillCommand.Ran> kill, Reconnector reconnector, int sweptUp,
        List<String> sweepFailures, MessageReconciliation ai, DeltaReconciliation deltas, PerNode perNode,
        Troubles troubles, List<String> dropped, long cutWithNode) {
    private static final int SHOWN = 5;

    List<String> httpFailures() {
        List<String> failures = new ArrayList<>(events.failures());
        failures.addAll(arrivals.failures());
        return failures;
    }

    /** A kill that took no node down tested nothing it was asked to, so it fails the run too. */
    int exit() {
        boolean killWorked = options.kill().isEmpty() || outage.dead().isPresent();
        boolean clean = ai.clean() && deltas.clean() && httpFailures().isEmpty() && troubles.errorFrames() == 0
                && troubles.malformedFrames() == 0 && dropped.isEmpty() && reconnector.failureCount() == 0
                && sweepFailures.isEmpty() && killWorked;
        return clean ? LoadTest.CLEAN : LoadTest.FAILURES;
    }

    void print(PrintStream out) {
        List<String> httpFailures = httpFailures();
        out.println(complete ? "every expected frame arrived" : "gave up waiting after " + options.timeout());
        out.printf("events: %d rerouted from the dead node, %d retried on a survivor after no answer, %d failed%n",
                poster.rerouted(), poster.retried(), httpFailures.size());
        Steps.reportFailures("POST /runtime/events", httpFailures, out);
        outage.dead().ifPresent(node -> {
            out.printf("reconnected %d players (%d could not), %d messages caught up in %d pages%n",
                    reconnector.reconnected(), reconnector.failureCount(), reconnector.caughtUp(),
                    reconnector.catchUpPages());
            reconnector.failures().stream().limit(SHOWN).forEach(reason -> out.println("  " + reason));
            out.printf("final catch-up for copies of events sent to node%d: %d were stored and owed%n", node,
                    sweptUp);
        });
        Steps.reportFailures("final catch-up", sweepFailures, out);
        out.println("ai_message:    " + ai.describe());
        out.println("  event->live delivery " + ai.latency().describe() + ", " + aiRate() + " deliveries/s");
        out.printf("  broadcasts: %d teams, %d with one copy to every player, %d with copies of different"
                + " messageIds%n", ai.broadcastTeams(), ai.broadcastComplete(), ai.broadcastMixedIds());
        out.println("runtime_delta: " + deltas.describe());
        out.println("  event->delivery " + deltas.latency().describe() + ", " + deltaRate() + " deliveries/s");
        if (ai.diedNode() > 0 || deltas.diedNode() > 0) {
            out.println(diedNodeBanner());
        }
        perNode.print(out);
        out.printf("failures: http %d, error frames %d, malformed frames %d, dropped connections on live nodes %d,"
                + " reconnect failures %d%s%n", httpFailures.size(), troubles.errorFrames(),
                troubles.malformedFrames(), dropped.size(), reconnector.failureCount(),
                options.kill().isPresent() && outage.dead().isEmpty() ? ", and the kill took no node down" : "");
        troubles.examples().forEach(example -> out.println("  " + example));
        dropped.stream().limit(SHOWN).forEach(reason -> out.println("  dropped " + reason));
        out.println(resultLine());
    }

    ResultLine resultLine() {
        return perNode.addTo(new ResultLine("cluster").put("sessions", options.sessions()).put("players", players)
                .put("events", options.events()).put("accepted", events.accepted())
                .put("arrivals_accepted", arrivals.accepted()).put("http_failures", httpFailures().size())
                .put("rerouted", poster.rerouted()).put("retried", poster.retried())
                .put("kill_exit", kill.map(ClusterReport::exitOf).orElse(options.kill().isPresent() ? "not_run"
                        : "none"))
                .put("died_node", outage.dead().map(String::valueOf).orElse("none"))
                .put("reconnected", reconnector.reconnected()).put("reconnect_failures", reconnector.failureCount())
                .put("caught_up", reconnector.caughtUp()).put("catchup_pages", reconnector.catchUpPages())
                .put("final_caught_up", sweptUp)
                .put("ai_expected", ai.expected()).put("ai_live", ai.deliveredLive())
                .put("ai_catchup", ai.deliveredByCatchUp()).put("ai_redelivered", ai.redelivered())
                .put("ai_lost", ai.lost()).put("ai_duplicated", ai.duplicated()).put("ai_unexpected", ai.unexpected())
                .put("ai_died_node", ai.diedNode())
                .put("broadcast_teams", ai.broadcastTeams()).put("broadcast_complete", ai.broadcastComplete())
                .put("broadcast_mixed_ids", ai.broadcastMixedIds())
                .put("ai", ai.latency()).put("ai_per_s", aiRate())
                .put("delta_expected", deltas.expected()).put("delta_delivered", deltas.delivered())
                .put("delta_lost", deltas.lost()).put("delta_duplicated", deltas.duplicated())
                .put("delta_unexpected", deltas.unexpected()).put("delta_died_node", deltas.diedNode())
                .put("delta_not_expected", deltas.notExpected())
                .put("delta_missed_while_disconnected", deltas.missedWhileDisconnected())
                .put("delta_repeated_after_retry", deltas.repeatedAfterRetry())
                .put("delta", deltas.latency()).put("delta_per_s", deltaRate())
                .put("register_ms", registerMillis).put("join_ms", joinMillis)
                .put("error_frames", troubles.errorFrames()).put("malformed_frames", troubles.malformedFrames())
                .put("dropped", dropped.size()).put("cut_with_node", cutWithNode)).put("exit", exit());
    }

    private String diedNodeBanner() {
        String node = outage.dead().map(dead -> "node" + dead + " (" + nodes.get(dead).url() + ")").orElse("?");
        String oldest = "";
        if (ai.oldestDiedNanos().isPresent() && outage.begunAtNanos().isPresent()) {
            long before = (outage.begunAtNanos().getAsLong() - ai.oldestDiedNanos().getAsLong()) / 1_000_000;
            oldest = "; the oldest such event was sent " + Math.abs(before) + " ms "
                    + (before >= 0 ? "before" : "after") + " the kill began";
        }
        return "!!! ACCEPTED BY A NODE THAT DIED BEFORE IT WAS ORCHESTRATED: " + ai.diedNode() + " ai_messages and "
                + deltas.diedNode() + " runtime_deltas of events posted to " + node + " never arrived" + oldest
                + ". Not counted as lost and not failing the run: durable intake is a later issue.";
    }

    private String aiRate() {
        return rate(ai.deliveredLive(), ai.lastLiveArrivalNanos().orElse(Long.MIN_VALUE));
    }

    private String deltaRate() {
        return rate(deltas.delivered(), deltas.lastArrivalNanos().orElse(Long.MIN_VALUE));
    }

    private String rate(int delivered, long lastArrivalNanos) {
        long firstSent = events.firstSentNanos();
        return lastArrivalNanos == Long.MIN_VALUE || firstSent == Long.MAX_VALUE ? "n/a"
                : ResultLine.rate(delivered, lastArrivalNanos - firstSent);
    }

    private static String exitOf(KillCommand.Ran ran) {
        return ran.timedOut() ? "timeout" : ran.exitStatus().map(String::valueOf).orElse("not_started");
    }
}
