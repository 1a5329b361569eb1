package io.herald.loadtest;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The fan-out run: how long after the server accepts an event its last of N-1 teammates has the delta. Each
 * delivery is also timed from the moment the POST left, because a server that pushes before it answers would
 * make times from the answer negative.
 */
final class BroadcastScenario {
    private record Posted(String nodeId, EventAccepted accepted) {}

    private final ScenarioOptions.Broadcast options;
    private final Nodes nodes;
    private final PrintStream out;

    BroadcastScenario(ScenarioOptions.Broadcast options, Nodes nodes, PrintStream out) {
        this.options = options;
        this.nodes = nodes;
        this.out = out;
    }

    int run() throws InterruptedException {
        out.printf("broadcast: 1 session of %d players, %d NodeComplete events every %d ms%s, against %s%n",
                options.players(), options.events(), options.interval().toMillis(),
                options.inFlight() == 1 ? "" : ", up to " + options.inFlight() + " in flight", nodes.describe());
        if (!Steps.healthy(nodes, out)) {
            return LoadTest.SETUP_FAILED;
        }
        long setupStart = System.nanoTime();
        Roster roster = Registrar.register(nodes, List.of(options.players()), "bcast", options.concurrency(), out);
        if (Steps.reportFailures("registration", roster.failures(), out)) {
            return LoadTest.SETUP_FAILED;
        }
        long registered = System.nanoTime();
        ArrivalRouter router = new ArrivalRouter(nodes.count());
        List<RegisteredPlayer> players = roster.players();
        List<Integer> placed = Nodes.place(roster, nodes.count());
        Connected connected = Connector.connectAll(nodes, players, placed, router, options.concurrency(),
                options.timeout(), out);
        if (Steps.reportFailures("connect and join", connected.failures(), out)) {
            Steps.closeAll(connected.sessions());
            return LoadTest.SETUP_FAILED;
        }
        long joined = System.nanoTime();
        out.printf("%d players registered in %d ms, connected and joined in %d ms%n", players.size(),
                (registered - setupStart) / 1_000_000, (joined - registered) / 1_000_000);

        List<Integer> connectedPerNode = PerNode.connected(connected.sessions(), nodes.count());
        RegisteredPlayer sender = players.getFirst();
        ServerUnderTest server = nodes.get(placed.getFirst());
        List<RegisteredPlayer> recipients = players.subList(1, players.size());
        List<StepResult<EventAccepted>> attempts = Paced.map(options.events(), options.interval(),
                options.inFlight(), k -> StepResult.of(() -> server.postNodeComplete(sender, nodeId(k))));
        List<Posted> posted = new ArrayList<>();
        List<String> httpFailures = new ArrayList<>();
        for (int k = 0; k < attempts.size(); k++) {
            String nodeId = nodeId(k);
            switch (attempts.get(k)) {
                case StepResult.Done<EventAccepted> done -> {
                    for (RegisteredPlayer recipient : recipients) {
                        router.deltas().expect(ArrivalRouter.deltaKey(recipient.playerId(), sender.playerId(),
                                nodeId), done.value().sentNanos());
                    }
                    posted.add(new Posted(nodeId, done.value()));
                }
                case StepResult.Failed<EventAccepted> failed -> httpFailures.add(failed.reason());
            }
        }
        Steps.reportFailures("POST /runtime/events", httpFailures, out);
        boolean complete = Steps.awaitDeliveries(options.timeout(), options.settle(), router.deltas());
        Reconciliation deltas = router.deltas().reconcile();
        List<String> dropped = Steps.dropped(connected.sessions());
        Steps.closeAll(connected.sessions());

        List<Long> acceptedToLast = new ArrayList<>();
        List<Long> sentToLast = new ArrayList<>();
        List<Long> postRoundTrips = new ArrayList<>();
        int incomplete = 0;
        for (Posted event : posted) {
            postRoundTrips.add(event.accepted().acceptedNanos() - event.accepted().sentNanos());
            OptionalLong last = lastArrival(router.deltas(), event, sender, recipients);
            if (last.isPresent()) {
                acceptedToLast.add(last.getAsLong() - event.accepted().acceptedNanos());
                sentToLast.add(last.getAsLong() - event.accepted().sentNanos());
            } else {
                incomplete++;
            }
        }
        LatencySummary toLast = Latencies.summarize(acceptedToLast);
        LatencySummary sentLast = Latencies.summarize(sentToLast);
        LatencySummary postLatency = Latencies.summarize(postRoundTrips);
        List<EventAccepted> accepted = posted.stream().map(Posted::accepted).toList();
        String rate = deliveryRate(deltas.delivered(), accepted, deltas.lastArrivalNanos());

        out.println(complete ? "every expected delta arrived" : "gave up waiting after " + options.timeout());
        out.println("runtime_delta: " + deltas.describe() + ", " + incomplete + " events missed someone");
        out.println("  accepted->last recipient " + toLast.describe());
        out.println("  posted->last recipient   " + sentLast.describe());
        out.println("  posted->each delivery    " + deltas.latency().describe() + ", " + rate + " deliveries/s");
        out.println("  POST /runtime/events round trip " + postLatency.describe());
        out.printf("failures: http %d, error frames %d, malformed frames %d, dropped connections %d%n",
                httpFailures.size(), router.errorFrames(), router.malformedFrames(), dropped.size());
        router.examples().forEach(example -> out.println("  " + example));
        dropped.stream().limit(5).forEach(reason -> out.println("  dropped " + reason));
        PerNode perNode = new PerNode(nodes, connectedPerNode, List.of(), router.nodes(),
                firstSent(accepted).orElse(Long.MAX_VALUE));
        perNode.print(out);

        boolean clean = deltas.clean() && httpFailures.isEmpty() && router.errorFrames() == 0
                && router.malformedFrames() == 0 && dropped.isEmpty();
        int exit = clean ? LoadTest.CLEAN : LoadTest.FAILURES;
        out.println(perNode.addTo(new ResultLine("broadcast").put("players", players.size())
                .put("events", options.events())
                .put("interval_ms", options.interval().toMillis()).put("in_flight", options.inFlight())
                .put("accepted", posted.size())
                .put("http_failures", httpFailures.size())
                .put("register_ms", (registered - setupStart) / 1_000_000)
                .put("join_ms", (joined - registered) / 1_000_000)
                .put("expected", deltas.expected()).put("delivered", deltas.delivered())
                .put("missing", deltas.lost()).put("duplicated", deltas.duplicated())
                .put("unexpected", deltas.unexpected()).put("incomplete_events", incomplete)
                .put("last", toLast).put("posted_last", sentLast).put("delivery", deltas.latency()).put("deliveries_per_s", rate)
                .put("post", postLatency)
                .put("error_frames", router.errorFrames()).put("malformed_frames", router.malformedFrames())
                .put("dropped", dropped.size())).put("exit", exit));
        return exit;
    }

    /** Distinct per event, so that every delta names the one event it is owed for. */
    private static String nodeId(int event) {
        return "bcast-" + (event + 1);
    }

    /**
     * Deliveries per second over the delivery window, from the first POST that left to the last delta that
     * arrived. With several in flight the first to leave need not be the first event nor the first answered.
     */
    static String deliveryRate(int delivered, List<EventAccepted> accepted, OptionalLong lastArrivalNanos) {
        OptionalLong first = firstSent(accepted);
        return first.isEmpty() || lastArrivalNanos.isEmpty() ? "n/a"
                : ResultLine.rate(delivered, lastArrivalNanos.getAsLong() - first.getAsLong());
    }

    private static OptionalLong firstSent(List<EventAccepted> accepted) {
        return accepted.stream().mapToLong(EventAccepted::sentNanos).min();
    }

    /** When the last recipient first got this event's delta, or empty if someone never did. */
    private static OptionalLong lastArrival(DeliveryLedger ledger, Posted event, RegisteredPlayer sender,
            List<RegisteredPlayer> recipients) {
        long last = Long.MIN_VALUE;
        for (RegisteredPlayer recipient : recipients) {
            OptionalLong at = ledger.firstArrival(ArrivalRouter.deltaKey(recipient.playerId(), sender.playerId(),
                    event.nodeId()));
            if (at.isEmpty()) {
                return OptionalLong.empty();
            }
            last = Math.max(last, at.getAsLong());
        }
        return OptionalLong.of(last);
    }
}
