package io.herald.loadtest;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * The room run: members of many rooms subscribed at once, a few of each room talking; every copy must reach every
 * member once, in offset order. Then some members go away while their room goes on, come back asking for what they
 * missed, and must get exactly that, then live messages again. Last, history is read page by page over HTTP.
 */
final class RoomScenario {
    private final ScenarioOptions.Room options;
    private final Nodes nodes;
    private final PrintStream out;
    private final Troubles troubles = new Troubles();
    private final NodeTally tally;
    private final List<String> sendFailures = new ArrayList<>();
    private final List<Long> sendRoundTrips = new ArrayList<>();

    RoomScenario(ScenarioOptions.Room options, Nodes nodes, PrintStream out) {
        this.options = options;
        this.nodes = nodes;
        this.out = out;
        this.tally = new NodeTally(nodes.count());
    }

    int run() throws InterruptedException {
        RoomPlan plan = RoomPlan.of(options, Long.toString(System.currentTimeMillis(), 36));
        out.printf("room: %d rooms x %d members, the first %d of each sending %d messages one every %d ms; %d per"
                + " room away while %d more are sent; %d history pages; against %s%n", options.rooms(),
                options.members(), options.senders(), options.messages(), options.interval().toMillis(),
                options.reconnect(), options.missed(), options.historyPages(), nodes.describe());
        out.println("(the server must run with HERALD_ROOMS_SENDS_PER_SECOND=100000 HERALD_ROOMS_SEND_BURST=100000"
                + " HERALD_ROOMS_MAX_REPLAY=100000 HERALD_LIMITS_ENABLED=false, or sends are refused as rate_limited"
                + " and returns answered recovered:false)");
        if (!Steps.healthy(nodes, out)) {
            return LoadTest.SETUP_FAILED;
        }
        long setupStart = System.nanoTime();
        List<String> names = new ArrayList<>();
        for (int room = 0; room < options.rooms(); room++) {
            for (int seat = 0; seat < options.members(); seat++) {
                names.add(plan.playerName(room, seat));
            }
        }
        Roster roster = Registrar.registerSolo(nodes, names, options.concurrency(), out);
        if (Steps.reportFailures("registration", roster.failures(), out)) {
            return LoadTest.SETUP_FAILED;
        }
        List<Registration> players = roster.players();
        long registered = System.nanoTime();
        if (Steps.reportFailures("make and join rooms", makeRooms(plan, players), out)) {
            return LoadTest.SETUP_FAILED;
        }
        long joinedRooms = System.nanoTime();

        long capacity = (long) options.senders() * options.messages() + options.missed() + 1;
        List<RoomBook> books = IntStream.range(0, options.rooms()).mapToObj(room -> new RoomBook(plan.roomId(room)))
                .toList();
        List<List<RoomMember>> rooms = new ArrayList<>();
        for (int room = 0; room < options.rooms(); room++) {
            List<RoomMember> members = new ArrayList<>();
            for (int seat = 0; seat < options.members(); seat++) {
                int player = plan.player(room, seat);
                members.add(new RoomMember(room, seat, players.get(player), RoomPlan.node(player, nodes.count()),
                        books.get(room), new MemberLog(plan.roomId(room), capacity), troubles, tally));
            }
            rooms.add(List.copyOf(members));
        }
        List<RoomMember> everyone = rooms.stream().flatMap(List::stream).toList();
        List<String> subscribeFailures = connectAndSubscribe(plan, everyone);
        if (Steps.reportFailures("connect and subscribe", subscribeFailures, out)) {
            Steps.closeAll(openConnections(everyone));
            return LoadTest.SETUP_FAILED;
        }
        long subscribed = System.nanoTime();
        List<Integer> connectedPerNode = PerNode.connected(openConnections(everyone), nodes.count());
        out.printf("%d players registered in %d ms, %d rooms made and joined in %d ms, sockets connected and"
                + " subscribed in %d ms%n", players.size(), millis(registered - setupStart), options.rooms(),
                millis(joinedRooms - registered), millis(subscribed - joinedRooms));

        // Live: every member listens while the senders talk.
        long liveStart = System.nanoTime();
        int liveSends = sendAll(rooms, member -> plan.sends(member.seat()), RoomBook.Phase.LIVE, options.messages(),
                "live");
        boolean liveComplete = awaitCopies(books, rooms);
        out.printf("live: %d messages sent to %d rooms in %d ms; %s%n", liveSends, options.rooms(),
                millis(System.nanoTime() - liveStart), liveComplete ? "every copy arrived"
                        : "gave up waiting for copies after " + options.timeout().toMillis() + " ms");

        List<Recovery> recoveries = List.of();
        List<String> resumeProblems = new ArrayList<>();
        if (options.reconnect() > 0) {
            List<RoomMember> leaving = everyone.stream().filter(member -> plan.reconnects(member.seat())).toList();
            recoveries = awayAndBack(plan, books, rooms, leaving, resumeProblems);
        }
        HistoryProbe.Result history = readHistory(plan, books, rooms);

        boolean complete = Steps.awaitDeliveries(options.timeout(), options.settle(),
                () -> (int) Math.min(Integer.MAX_VALUE, RoomAudit.outstanding(books, logs(rooms, member -> true))));
        RoomReconciliation copies = RoomAudit.reconcile(books, logs(rooms, member -> true));
        List<PlayerSession> connections = everyone.stream().flatMap(member -> member.connections().stream()).toList();
        List<String> dropped = Steps.dropped(connections);
        List<String> mismatches = books.stream().flatMap(book -> book.examples().stream()).toList();
        Steps.closeAll(openConnections(everyone));

        PerNode perNode = new PerNode(nodes, connectedPerNode, List.of(), tally,
                copies.firstLiveSentNanos().orElse(Long.MAX_VALUE));
        RoomReport report = new RoomReport(options, players.size(), millis(registered - setupStart),
                millis(joinedRooms - registered), millis(subscribed - joinedRooms), complete, copies,
                Latencies.summarize(roundTrips()), List.copyOf(failures()), recoveries, resumeProblems, history,
                troubles, dropped, mismatches, perNode);
        report.print(out);
        return report.exit();
    }

    /** Each room's first member makes it, then everybody else joins; each through its own node. */
    private List<String> makeRooms(RoomPlan plan, List<Registration> players) {
        List<String> failures = new ArrayList<>();
        List<Attempt<Integer>> made = Bounded.map(IntStream.range(0, options.rooms()).boxed().toList(),
                options.concurrency(), Progress.SILENT, room -> Attempt.of(() -> {
                    int player = plan.player(room, 0);
                    nodes.get(RoomPlan.node(player, nodes.count())).createRoom(players.get(player),
                            plan.roomId(room), "load test room " + room);
                    return room;
                }));
        List<Integer> joiners = new ArrayList<>();
        for (int room = 0; room < options.rooms(); room++) {
            if (made.get(room) instanceof Attempt.Failed<Integer> failed) {
                failures.add(plan.roomId(room) + " not made: " + failed.reason());
                continue;
            }
            for (int seat = 1; seat < options.members(); seat++) {
                joiners.add(plan.player(room, seat));
            }
        }
        List<Attempt<Integer>> joined = Bounded.map(joiners, options.concurrency(),
                new Progress(out, "joined rooms", joiners.size()), player -> Attempt.of(() -> {
                    nodes.get(RoomPlan.node(player, nodes.count())).joinRoom(players.get(player),
                            plan.roomId(player / options.members()));
                    return player;
                }));
        for (int i = 0; i < joiners.size(); i++) {
            if (joined.get(i) instanceof Attempt.Failed<Integer> failed) {
                failures.add(players.get(joiners.get(i)).playerName() + " did not join: " + failed.reason());
            }
        }
        return failures;
    }

    /** Every member's socket on its own node, subscribed to its room from the head (nothing to replay). */
    private List<String> connectAndSubscribe(RoomPlan plan, List<RoomMember> members) {
        List<Attempt<RoomMember>> attempts = Bounded.map(members, options.concurrency(),
                new Progress(out, "subscribed", members.size()), member -> Attempt.of(() -> {
                    member.connect(nodes.get(member.node()), plan.player(member.room(), member.seat()),
                            options.timeout());
                    member.subscribe(Optional.empty(), options.timeout());
                    return member;
                }));
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            if (attempts.get(i) instanceof Attempt.Failed<RoomMember> failed) {
                failures.add(members.get(i).name() + " not subscribed: " + failed.reason());
            }
        }
        return failures;
    }

    /**
     * The members chosen by {@code senders} each send {@code count} messages over their own socket, all at once,
     * each one waiting for the room_sent of its last before it sends the next and keeping to --interval. A sender
     * whose send got no answer stops, so a stuck connection costs one timeout, not one per message. Returns how
     * many messages went out.
     */
    private int sendAll(List<List<RoomMember>> rooms, Predicate<RoomMember> senders, RoomBook.Phase phase, int count,
            String label) {
        List<RoomMember> talking = rooms.stream().flatMap(List::stream).filter(senders).toList();
        Progress progress = new Progress(out, label + " messages answered", talking.size() * count);
        List<Attempt<List<Attempt<RoomMember.Answered>>>> bySender = Bounded.map(talking, talking.size(),
                Progress.SILENT, member -> Attempt.of(() -> {
                    AtomicBoolean stuck = new AtomicBoolean();
                    return Paced.map(count, options.interval(), 1, seq -> {
                        String id = RoomPlan.clientMessageId(member.room(), member.seat(), phase, seq + 1);
                        if (stuck.get()) {
                            return new Attempt.Failed<>(id + " not sent: an earlier send of " + member.name()
                                    + " got no answer");
                        }
                        Attempt<RoomMember.Answered> sent = Attempt.of(() -> member.send(id, phase, options.timeout()));
                        if (sent instanceof Attempt.Failed<RoomMember.Answered> failed
                                && !failed.reason().contains(ServerRefusal.class.getSimpleName())) {
                            stuck.set(true);
                        }
                        progress.step();
                        return sent;
                    });
                }));
        int sent = 0;
        for (int i = 0; i < talking.size(); i++) {
            switch (bySender.get(i)) {
                case Attempt.Done<List<Attempt<RoomMember.Answered>>> done -> {
                    for (Attempt<RoomMember.Answered> each : done.value()) {
                        sent++;
                        switch (each) {
                            case Attempt.Done<RoomMember.Answered> answered -> roundTrip(answered.value());
                            case Attempt.Failed<RoomMember.Answered> failed -> failure(failed.reason());
                        }
                    }
                }
                case Attempt.Failed<List<Attempt<RoomMember.Answered>>> failed -> failure(talking.get(i).name()
                        + " could not send: " + failed.reason());
            }
        }
        return sent;
    }

    /**
     * The reconnecting members close their sockets at the position they have; --missed messages go to each room
     * while they are away; they come back on a new socket asking for what came after that position, and one more
     * message per room must then reach them live, once.
     */
    private List<Recovery> awayAndBack(RoomPlan plan, List<RoomBook> books, List<List<RoomMember>> rooms,
            List<RoomMember> leaving, List<String> resumeProblems) {
        List<Attempt<RoomPosition>> left = Bounded.map(leaving, options.concurrency(), Progress.SILENT,
                member -> Attempt.of(() -> {
                    RoomPosition position = member.log().position();
                    member.leave(options.timeout());
                    return position;
                }));
        long awayStart = System.nanoTime();
        int missedSends = sendAll(rooms, member -> member.seat() == 0, RoomBook.Phase.MISSED, options.missed(),
                "missed");
        boolean othersComplete = awaitCopies(books, rooms);
        out.printf("away: %d members left their rooms; %d messages sent while they were away in %d ms; %s%n",
                leaving.size(), missedSends, millis(System.nanoTime() - awayStart), othersComplete
                        ? "every copy reached the members who stayed"
                        : "gave up waiting for the members who stayed after " + options.timeout().toMillis() + " ms");

        int firstConnectionId = plan.players();
        List<Recovery> recoveries = Bounded.map(IntStream.range(0, leaving.size()).boxed().toList(),
                options.concurrency(), Progress.SILENT, i -> comeBack(leaving.get(i), left.get(i), firstConnectionId
                        + i));
        sendAll(rooms, member -> member.seat() == 0, RoomBook.Phase.AFTER, 1, "after");
        awaitCopies(books, rooms);
        for (RoomMember member : leaving) {
            RoomBook book = books.get(member.room());
            for (RoomBook.Send send : book.sends()) {
                if (send.phase() != RoomBook.Phase.AFTER || send.refused()) {
                    continue;
                }
                OptionalLong offset = book.offsetOf(send);
                if (offset.isEmpty() || member.log().arrival(offset.getAsLong()).isEmpty()) {
                    resumeProblems.add(member.name() + ": " + send.clientMessageId() + " never arrived after it came"
                            + " back");
                } else if (member.log().replayed(offset.getAsLong())) {
                    resumeProblems.add(member.name() + ": " + send.clientMessageId() + " arrived in the replay, not"
                            + " live");
                }
            }
        }
        return recoveries;
    }

    private Recovery comeBack(RoomMember member, Attempt<RoomPosition> left, int connectionId) {
        if (!(left instanceof Attempt.Done<RoomPosition>(RoomPosition position))) {
            return Recovery.failed(member.name(), new RoomPosition(-1, -1), options.missed(),
                    "did not leave: " + ((Attempt.Failed<RoomPosition>) left).reason());
        }
        Attempt<Integer> connected = Attempt.of(() -> {
            member.connect(nodes.get(member.node()), connectionId, options.timeout());
            return connectionId;
        });
        if (connected instanceof Attempt.Failed<Integer> failed) {
            return Recovery.failed(member.name(), position, options.missed(), "could not reconnect: "
                    + failed.reason());
        }
        member.back();
        long subscribeSent = System.nanoTime();
        Attempt<Arrival> answer = Attempt.of(() -> member.subscribe(Optional.of(position), options.timeout()));
        return switch (answer) {
            case Attempt.Done<Arrival> done -> new Recovery(member.name(), position, options.missed(), subscribeSent,
                    Optional.of((Frame.RoomSubscribed) done.value().frame()), OptionalLong.of(done.value().atNanos()),
                    member.log().replayOffsets(), member.log().lastReplayNanos(), Optional.empty());
            case Attempt.Failed<Arrival> failed -> Recovery.failed(member.name(), position, options.missed(),
                    "room_subscribe with since failed: " + failed.reason());
        };
    }

    /** One reader per room (its first member, on its node), pages newest first until --history-pages are read. */
    private HistoryProbe.Result readHistory(RoomPlan plan, List<RoomBook> books, List<List<RoomMember>> rooms) {
        if (options.historyPages() == 0) {
            return new HistoryProbe.Result(List.of(), 0, List.of());
        }
        List<HistoryProbe.Reader> readers = new ArrayList<>();
        for (int room = 0; room < options.rooms(); room++) {
            RoomBook book = books.get(room);
            long head = book.sends().stream().filter(send -> !send.refused()).mapToLong(send -> book.offsetOf(send)
                    .orElse(0)).max().orElse(0);
            int player = plan.player(room, 0);
            readers.add(new HistoryProbe.Reader(nodes.get(rooms.get(room).getFirst().node()),
                    rooms.get(room).getFirst().registration(), book, head));
        }
        return HistoryProbe.read(readers, options.historyPages());
    }

    /** Waits until every member listening now has every answered message of its room, or the timeout passes. */
    private boolean awaitCopies(List<RoomBook> books, List<List<RoomMember>> rooms) {
        try {
            return Steps.awaitDeliveries(options.timeout(), Duration.ZERO, () -> (int) Math.min(Integer.MAX_VALUE,
                    RoomAudit.outstanding(books, logs(rooms, member -> !member.away()))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<List<MemberLog>> logs(List<List<RoomMember>> rooms, Predicate<RoomMember> which) {
        return rooms.stream().map(members -> members.stream().filter(which).map(RoomMember::log).toList()).toList();
    }

    private static List<PlayerSession> openConnections(List<RoomMember> members) {
        return members.stream().flatMap(member -> member.current().stream()).filter(PlayerSession::isOpen).toList();
    }

    private synchronized void roundTrip(RoomMember.Answered answered) {
        sendRoundTrips.add(answered.roundTripNanos());
    }

    private synchronized void failure(String reason) {
        sendFailures.add(reason);
    }

    private synchronized List<Long> roundTrips() {
        return List.copyOf(sendRoundTrips);
    }

    private synchronized List<String> failures() {
        return List.copyOf(sendFailures);
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
