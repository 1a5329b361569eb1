package io.herald.loadtest;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The cluster run: players spread over several nodes, events sent to the nodes in turn whoever they belong to (no
 * sticky sessions), then one team arrival per session for a broadcast that crosses nodes. With a kill, one node
 * dies mid-run: its players come back on a survivor and catch up, and every message must still be accounted for.
 */
final class ClusterScenario {
    private static final String RALLY = "cluster-rally";
    private static final long MESSAGE_POLL_MILLIS = 10;

    private final ScenarioOptions.Cluster options;
    private final Nodes nodes;
    private final PrintStream out;

    ClusterScenario(ScenarioOptions.Cluster options, Nodes nodes, PrintStream out) {
        this.options = options;
        this.nodes = nodes;
        this.out = out;
    }

    int run() throws InterruptedException {
        out.printf("cluster: %d sessions x %d players over %d nodes (%s); %d NodeComplete events to the nodes in"
                + " turn, then one team arrival per session%n", options.sessions(), options.players(), nodes.count(),
                nodes.describe(), options.events());
        options.kill().ifPresent(kill -> out.printf("kill: once %d events are accepted, run `%s`; %s%n", kill.after(),
                kill.command(), kill.node().map(node -> "it stops node" + node)
                        .orElse("the node that stops answering is the one that died")));
        out.println("(the server must run with HERALD_MESSAGES_COOLDOWN=0s, or second events per player get no"
                + " ai_message)");
        if (!Steps.healthy(nodes, out)) {
            return LoadTest.SETUP_FAILED;
        }
        long setupStart = System.nanoTime();
        Roster roster = Registrar.register(nodes, Collections.nCopies(options.sessions(), options.players()),
                "cluster", options.concurrency(), out);
        if (Steps.reportFailures("registration", roster.failures(), out)) {
            return LoadTest.SETUP_FAILED;
        }
        long registered = System.nanoTime();
        ClusterArrivals arrivals = new ClusterArrivals(nodes.count());
        List<RegisteredPlayer> players = roster.players();
        Connected connected = Connector.connectAll(nodes, players, Nodes.place(roster, nodes.count()), arrivals,
                options.concurrency(), options.timeout(), out);
        if (Steps.reportFailures("connect and join", connected.failures(), out)) {
            Steps.closeAll(connected.sessions());
            return LoadTest.SETUP_FAILED;
        }
        long joined = System.nanoTime();
        long registerMillis = (registered - setupStart) / 1_000_000;
        long joinMillis = (joined - registered) / 1_000_000;
        out.printf("%d players registered in %d ms, connected and joined in %d ms%n", players.size(), registerMillis,
                joinMillis);
        List<Integer> connectedAtStart = PerNode.connected(connected.sessions(), nodes.count());

        List<List<ClusterPlayer>> teams = members(roster, connected.sessions());
        List<ClusterPlayer> members = teams.stream().flatMap(List::stream).toList();
        Map<String, ClusterPlayer> memberOf = members.stream()
                .collect(Collectors.toMap(member -> member.player().playerId(), Function.identity()));
        DeltaAudit.Presence presence = (playerId, since) -> memberOf.get(playerId).joinedThroughout(since);
        Outage outage = new Outage(nodes, options.kill().flatMap(ScenarioOptions.Kill::node));
        Reconnector reconnector = new Reconnector(nodes, outage, arrivals, arrivals.messages(),
                new AtomicInteger(players.size()), options.timeout(), options.concurrency());
        outage.onDeath(dead -> reconnector.evacuate(dead, members));
        members.forEach(member -> reconnector.watch(member, member.current()));
        Optional<KillSwitch> kill = options.kill().map(each -> new KillSwitch(each.command(), outage,
                options.timeout()));
        FailoverPoster poster = new FailoverPoster(nodes, outage);

        Steps.warmUp(nodes, Math.min(options.concurrency(), options.events()));
        PostedEvents events = postEvents(teams, members, poster, arrivals, kill);
        out.printf("posted %d NodeComplete events, %d accepted%n", options.events(), events.accepted());
        Optional<KillCommand.Ran> ran = awaitKill(kill, events.accepted(), outage);
        reconnector.awaitIdle(System.nanoTime() + options.timeout().toNanos());
        PostedEvents rally = arriveTeamByTeam(teams, poster, arrivals,
                System.nanoTime() + options.timeout().toNanos());
        out.printf("%d team arrivals accepted of %d%n", rally.accepted(), rally.posted().size());

        boolean complete = Steps.awaitDeliveries(options.timeout(), options.settle(),
                () -> arrivals.messages().outstanding(outage.deadNodes())
                        + arrivals.deltas().outstanding(presence, outage.deadNodes()));
        reconnector.stop();
        List<String> sweepFailures = new ArrayList<>();
        int sweptUp = sweep(arrivals.messages().missingFrom(outage.deadNodes()), memberOf, outage, arrivals.messages(),
                sweepFailures);
        MessageReconciliation ai = arrivals.messages().reconcile(outage.deadNodes());
        DeltaReconciliation deltas = arrivals.deltas().reconcile(presence, outage.deadNodes());
        List<PlayerSession> everyConnection = members.stream()
                .flatMap(member -> member.connections().stream()).toList();
        List<PlayerSession> current = members.stream().map(ClusterPlayer::current).toList();
        List<String> dropped = everyConnection.stream()
                .filter(session -> session.dropped() && !outage.isDead(session.node()))
                .map(session -> session.player().playerName() + " on node" + session.node() + ": "
                        + session.closedBecause()).toList();
        long cutWithNode = everyConnection.stream()
                .filter(session -> !session.isOpen() && outage.isDead(session.node())).count();
        PerNode perNode = new PerNode(nodes, connectedAtStart, PerNode.connected(current, nodes.count()),
                arrivals.nodes(), events.firstSentNanos());
        Steps.closeAll(current);

        ClusterReport report = new ClusterReport(options, nodes, players.size(), registerMillis, joinMillis, events,
                rally, complete, poster, outage, ran, reconnector, sweptUp, sweepFailures, ai, deltas, perNode,
                arrivals.troubles(), dropped, cutWithNode);
        report.print(out);
        return report.exit();
    }

    /**
     * Event {@code i} is player {@code i mod P}'s and goes to node {@code i mod n}, whichever node that player's
     * socket is on, all in flight at once (up to --concurrency). The kill is pulled when the --kill-after-th event
     * is accepted, and the events keep coming while the node dies.
     */
    private PostedEvents postEvents(List<List<ClusterPlayer>> teams, List<ClusterPlayer> members, FailoverPoster poster,
            ClusterArrivals arrivals, Optional<KillSwitch> kill) {
        int killAfter = options.kill().map(ScenarioOptions.Kill::after).orElse(-1);
        if (killAfter == 0) {
            kill.ifPresent(KillSwitch::pull);
        }
        AtomicInteger accepted = new AtomicInteger();
        return new PostedEvents(Bounded.map(IntStream.range(0, options.events()).boxed().toList(),
                options.concurrency(), Progress.SILENT, i -> {
                    ClusterPlayer member = members.get(i % members.size());
                    String nodeId = "cluster-" + (i + 1);
                    FailoverPoster.Posted posted = poster.post(i % nodes.count(),
                            server -> server.postNodeComplete(member.player(), nodeId));
                    if (posted instanceof FailoverPoster.Posted.Accepted done) {
                        arrivals.messages().expect(member.player().playerId(),
                                member.player().inboxKey(done.accepted().eventId()), done.accepted().sentNanos(),
                                done.postedTo());
                        expectDeltas(teams.get(member.team()), member, done, arrivals,
                                teammate -> ArrivalRouter.deltaKey(teammate, member.player().playerId(), nodeId));
                        if (accepted.incrementAndGet() == killAfter) {
                            kill.ifPresent(KillSwitch::pull);
                        }
                    }
                    return posted;
                }));
    }

    private Optional<KillCommand.Ran> awaitKill(Optional<KillSwitch> kill, int accepted, Outage outage)
            throws InterruptedException {
        if (kill.isEmpty()) {
            return Optional.empty();
        }
        if (!kill.get().pulled()) {
            out.printf("WARNING: the kill never ran: only %d events were accepted, --kill-after is %d%n", accepted,
                    options.kill().orElseThrow().after());
            return Optional.empty();
        }
        Optional<KillCommand.Ran> ran = kill.get().awaitOutcome();
        ran.ifPresentOrElse(outcome -> out.println("kill: " + outcome.describe()),
                () -> out.println("kill: the command did not report back in time"));
        outage.dead().ifPresentOrElse(node -> out.printf("node%d (%s) stopped answering %d ms after the kill began%n",
                node, nodes.get(node).url(), (outage.diedAtNanos() - outage.begunAtNanos().orElseThrow()) / 1_000_000),
                () -> out.println("WARNING: no node stopped answering after the kill command"));
        return ran;
    }

    /**
     * Every team arrives at one object, one player after another: the server decides broadcast or individual when
     * it orchestrates, so an arrival still queued when the last one lands would itself find the team complete.
     * Each arrival therefore waits for the previous one's message (until {@code deadlineNanos}); teams run in
     * parallel. The last arrival is due a broadcast to the whole team, the others an individual message.
     */
    private PostedEvents arriveTeamByTeam(List<List<ClusterPlayer>> teams, FailoverPoster poster,
            ClusterArrivals arrivals, long deadlineNanos) {
        List<List<FailoverPoster.Posted>> perTeam = Bounded.map(teams, options.concurrency(), Progress.SILENT,
                team -> arriveOneByOne(team, poster, arrivals, deadlineNanos));
        return new PostedEvents(perTeam.stream().flatMap(List::stream).toList());
    }

    private List<FailoverPoster.Posted> arriveOneByOne(List<ClusterPlayer> team, FailoverPoster poster,
            ClusterArrivals arrivals, long deadlineNanos) {
        List<FailoverPoster.Posted> posted = new ArrayList<>();
        for (int k = 0; k < team.size(); k++) {
            ClusterPlayer member = team.get(k);
            FailoverPoster.Posted post = poster.post(member.node(),
                    server -> server.postObjectArrive(member.player(), RALLY));
            posted.add(post);
            if (!(post instanceof FailoverPoster.Posted.Accepted done)) {
                // Without every arrival the team is not complete: no broadcast is due, and no more arrivals.
                break;
            }
            expectDeltas(team, member, done, arrivals,
                    teammate -> ClusterArrivals.objectDeltaKey(teammate, member.player().playerId(), RALLY));
            if (k < team.size() - 1) {
                String sk = member.player().inboxKey(done.accepted().eventId());
                arrivals.messages().expect(member.player().playerId(), sk, done.accepted().sentNanos(),
                        done.postedTo());
                awaitMessage(arrivals.messages(), member.player().playerId(), sk, deadlineNanos);
            } else {
                arrivals.messages().expectBroadcast(member.player().sessionId(),
                        team.stream().map(each -> each.player().playerId()).toList(), done.accepted().sentNanos(),
                        done.postedTo());
            }
        }
        return posted;
    }

    /** Books the delta each teammate of {@code actor} may get; who must get it is only judged at the end. */
    private static void expectDeltas(List<ClusterPlayer> team, ClusterPlayer actor, FailoverPoster.Posted.Accepted done,
            ClusterArrivals arrivals, Function<String, String> keyFor) {
        for (ClusterPlayer teammate : team) {
            String id = teammate.player().playerId();
            if (!id.equals(actor.player().playerId())) {
                arrivals.deltas().expect(keyFor.apply(id), id, done.accepted().sentNanos(), done.postedTo(),
                        done.retried());
            }
        }
    }

    private static void awaitMessage(MessageAudit messages, String playerId, String sk, long deadlineNanos) {
        try {
            while (!messages.has(playerId, sk) && System.nanoTime() < deadlineNanos) {
                Thread.sleep(MESSAGE_POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The catch-up a client makes when it next starts, here only for copies still missing whose event went to the
     * node that died: what that node stored before dying is owed and counts as delivered by catch-up, so only what
     * it never stored stays in the died-node category. Other missing copies are not looked for: nothing explains
     * them, they stay lost. Returns how many copies it found.
     */
    private int sweep(Map<String, Set<String>> missing, Map<String, ClusterPlayer> memberOf, Outage outage,
            MessageAudit messages, List<String> failures) {
        List<StepResult<Integer>> swept = Bounded.map(List.copyOf(missing.entrySet()), options.concurrency(),
                Progress.SILENT, entry -> StepResult.of(() -> {
                    ClusterPlayer member = memberOf.get(entry.getKey());
                    PlayerSession session = member.current();
                    int node = outage.isDead(session.node()) ? outage.survivorAfter(session.node()) : session.node();
                    int found = 0;
                    for (Frame.AiMessage message : CatchUp.fetch(nodes.get(node), member.player()).messages()) {
                        if (entry.getValue().contains(message.sk())) {
                            messages.receiveCaughtUp(member.player().playerId(), member.player().sessionId(), message);
                            session.acknowledge(message.sessionId() == null ? member.player().sessionId()
                                    : message.sessionId(), message.sk());
                            found++;
                        }
                    }
                    return found;
                }));
        int found = 0;
        for (StepResult<Integer> each : swept) {
            switch (each) {
                case StepResult.Done<Integer> done -> found += done.value();
                case StepResult.Failed<Integer> failed -> failures.add(failed.reason());
            }
        }
        return found;
    }

    /** The roster's players as members, team by team; {@code sessions} are in {@link Roster#players()} order. */
    private static List<List<ClusterPlayer>> members(Roster roster, List<PlayerSession> sessions) {
        List<List<ClusterPlayer>> teams = new ArrayList<>();
        int next = 0;
        for (int team = 0; team < roster.teams().size(); team++) {
            List<ClusterPlayer> members = new ArrayList<>();
            for (RegisteredPlayer player : roster.teams().get(team)) {
                members.add(new ClusterPlayer(player, team, sessions.get(next++)));
            }
            teams.add(List.copyOf(members));
        }
        return List.copyOf(teams);
    }
}
