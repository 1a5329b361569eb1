package io.herald.loadtest;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The seed run: every event yields exactly one ai_message to its player and one runtime_delta to each teammate. */
final class SeedScenario {
    private final ScenarioOptions.Seed options;
    private final Nodes nodes;
    private final PrintStream out;

    SeedScenario(ScenarioOptions.Seed options, Nodes nodes, PrintStream out) {
        this.options = options;
        this.nodes = nodes;
        this.out = out;
    }

    int run() throws InterruptedException {
        out.printf("seed: %d sessions x %d players, %d NodeComplete events, against %s%n", options.sessions(),
                options.players(), options.events(), nodes.describe());
        out.println("(the server must run with HERALD_MESSAGES_COOLDOWN=0s, or second events per player get no"
                + " ai_message)");
        if (!Steps.healthy(nodes, out)) {
            return LoadTest.SETUP_FAILED;
        }
        long setupStart = System.nanoTime();
        Roster roster = Registrar.register(nodes, Collections.nCopies(options.sessions(), options.players()),
                "seed", options.concurrency(), out);
        if (Steps.reportFailures("registration", roster.failures(), out)) {
            return LoadTest.SETUP_FAILED;
        }
        ArrivalRouter router = new ArrivalRouter(nodes.count());
        List<RegisteredPlayer> players = roster.players();
        List<Integer> placed = Nodes.place(roster, nodes.count());
        Connected connected = Connector.connectAll(nodes, players, placed, router, options.concurrency(),
                options.timeout(), out);
        if (Steps.reportFailures("connect and join", connected.failures(), out)) {
            Steps.closeAll(connected.sessions());
            return LoadTest.SETUP_FAILED;
        }
        out.printf("%d players registered, connected and joined in %d ms%n", players.size(),
                (System.nanoTime() - setupStart) / 1_000_000);

        List<Integer> connectedPerNode = PerNode.connected(connected.sessions(), nodes.count());
        Steps.warmUp(nodes, Math.min(options.concurrency(), options.events()));
        List<StepResult<EventAccepted>> posts = postEvents(players, placed, router);
        List<String> httpFailures = new ArrayList<>();
        long firstSent = Long.MAX_VALUE;
        for (StepResult<EventAccepted> post : posts) {
            switch (post) {
                case StepResult.Done<EventAccepted> done -> firstSent = Math.min(firstSent, done.value().sentNanos());
                case StepResult.Failed<EventAccepted> failed -> httpFailures.add(failed.reason());
            }
        }
        out.printf("posted %d events, %d accepted%n", posts.size(), posts.size() - httpFailures.size());
        Steps.reportFailures("POST /runtime/events", httpFailures, out);

        boolean complete = Steps.awaitDeliveries(options.timeout(), options.settle(), router.aiMessages(),
                router.deltas());
        Reconciliation ai = router.aiMessages().reconcile();
        Reconciliation deltas = router.deltas().reconcile();
        List<String> dropped = Steps.dropped(connected.sessions());
        Steps.closeAll(connected.sessions());

        String aiRate = rate(ai, firstSent);
        String deltaRate = rate(deltas, firstSent);
        out.println(complete ? "every expected frame arrived" : "gave up waiting after " + options.timeout());
        out.println("ai_message:    " + ai.describe());
        out.println("  event->delivery " + ai.latency().describe() + ", " + aiRate + " deliveries/s");
        out.println("runtime_delta: " + deltas.describe());
        out.println("  event->delivery " + deltas.latency().describe() + ", " + deltaRate + " deliveries/s");
        out.printf("failures: http %d, error frames %d, malformed frames %d, dropped connections %d%n",
                httpFailures.size(), router.errorFrames(), router.malformedFrames(), dropped.size());
        router.examples().forEach(example -> out.println("  " + example));
        dropped.stream().limit(5).forEach(reason -> out.println("  dropped " + reason));
        PerNode perNode = new PerNode(nodes, connectedPerNode, List.of(), router.nodes(), firstSent);
        perNode.print(out);

        boolean clean = ai.clean() && deltas.clean() && httpFailures.isEmpty() && router.errorFrames() == 0
                && router.malformedFrames() == 0 && dropped.isEmpty();
        int exit = clean ? LoadTest.CLEAN : LoadTest.FAILURES;
        out.println(perNode.addTo(new ResultLine("seed").put("sessions", options.sessions())
                .put("players", players.size())
                .put("events", options.events()).put("accepted", posts.size() - httpFailures.size())
                .put("http_failures", httpFailures.size())
                .put("ai_expected", ai.expected()).put("ai_delivered", ai.delivered()).put("ai_lost", ai.lost())
                .put("ai_duplicated", ai.duplicated()).put("ai_unexpected", ai.unexpected())
                .put("ai", ai.latency()).put("ai_per_s", aiRate)
                .put("delta_expected", deltas.expected()).put("delta_delivered", deltas.delivered())
                .put("delta_lost", deltas.lost()).put("delta_duplicated", deltas.duplicated())
                .put("delta_unexpected", deltas.unexpected()).put("delta", deltas.latency())
                .put("delta_per_s", deltaRate)
                .put("error_frames", router.errorFrames()).put("malformed_frames", router.malformedFrames())
                .put("dropped", dropped.size())).put("exit", exit));
        return exit;
    }

    /**
     * Event {@code i} goes to player {@code i mod n} with node {@code node-(i+1)}, all in flight at once (up to
     * --concurrency), each through its player's server node. What each accepted event should cause is booked as
     * soon as its id is known.
     */
    private List<StepResult<EventAccepted>> postEvents(List<RegisteredPlayer> players, List<Integer> placed,
            ArrivalRouter router) {
        Map<String, List<RegisteredPlayer>> bySession = players.stream()
                .collect(Collectors.groupingBy(RegisteredPlayer::sessionId));
        return Bounded.map(IntStream.range(0, options.events()).boxed().toList(), options.concurrency(),
                Progress.SILENT, i -> {
                    RegisteredPlayer player = players.get(i % players.size());
                    ServerUnderTest server = nodes.get(placed.get(i % players.size()));
                    String nodeId = "node-" + (i + 1);
                    StepResult<EventAccepted> post = StepResult.of(() -> server.postNodeComplete(player, nodeId));
                    if (post instanceof StepResult.Done<EventAccepted>(EventAccepted accepted)) {
                        router.aiMessages().expect(player.inboxKey(accepted.eventId()), accepted.sentNanos());
                        for (RegisteredPlayer teammate : bySession.get(player.sessionId())) {
                            if (!teammate.playerId().equals(player.playerId())) {
                                router.deltas().expect(ArrivalRouter.deltaKey(teammate.playerId(), player.playerId(),
                                        nodeId), accepted.sentNanos());
                            }
                        }
                    }
                    return post;
                });
    }

    private static String rate(Reconciliation reconciliation, long firstSent) {
        return reconciliation.lastArrivalNanos().isEmpty() ? "n/a"
                : ResultLine.rate(reconciliation.delivered(), reconciliation.lastArrivalNanos().getAsLong() - firstSent);
    }
}
