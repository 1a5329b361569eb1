package io.herald.loadtest;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
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
    private final RoomSenders senders;

    RoomScenario(ScenarioOptions.Room options, Nodes nodes, PrintStream out) {
        this.options = options;
        this.nodes = nodes;
        this.out = out;
        this.tally = new NodeTally(nodes.count());
        this.senders = new RoomSenders(options.interval(), options.timeout(), out);
    }

    /** Everybody registered, in their rooms, connected and subscribed: how long each step took, who is where. */
    private record Setup(List<List<RoomMember>> rooms, List<Integer> connectedPerNode, long registerMillis,
            long roomsMillis, long subscribeMillis) {
        List<RoomMember> everyone() {
            return rooms.stream().flatMap(List::stream).toList();
        }
    }

    int run() throws InterruptedException {
        RoomPlan plan = RoomPlan.of(options, Long.toString(System.currentTimeMillis(), 36));
        out.printf("room: %s of %d members; %s per room, %d messages each, one every %d ms at most one"
                + " unanswered; %d per room away while %d more are sent; %d history pages; against %s%n",
                count(options.rooms(), "room"), options.members(), count(options.senders(), "sender"),
                options.messages(), options.interval().toMillis(), options.reconnect(), options.missed(),
                options.historyPages(), nodes.describe());
        out.println("(the server must run with HERALD_ROOMS_SENDS_PER_SECOND=100000 HERALD_ROOMS_SEND_BURST=100000"
                + " HERALD_ROOMS_MAX_REPLAY=100000 HERALD_LIMITS_ENABLED=false, or sends are refused as rate_limited"
                + " and returns answered recovered:false)");
        if (!Steps.healthy(nodes, out)) {
            return LoadTest.SETUP_FAILED;
        }
        List<RoomBook> books = IntStream.range(0, options.rooms()).mapToObj(room -> new RoomBook(plan.roomId(room)))
                .toList();
        Optional<Setup> setUp = setUp(plan, books);
        if (setUp.isEmpty()) {
            return LoadTest.SETUP_FAILED;
        }
        List<List<RoomMember>> rooms = setUp.get().rooms();
        List<RoomMember> everyone = setUp.get().everyone();

        // Live: every member listens while the senders talk.
        long liveStart = System.nanoTime();
        int liveAnswered = senders.send(members(rooms, member -> plan.sends(member.seat())), RoomBook.Phase.LIVE,
                options.messages(), "live");
        boolean liveComplete = awaitCopies(books, rooms);
        out.printf("live: %d messages answered in %s in %d ms; %s%n", liveAnswered, count(options.rooms(), "room"),
                millis(System.nanoTime() - liveStart), liveComplete ? "every copy arrived"
                        : "gave up waiting for copies after " + options.timeout().toMillis() + " ms");

        Returns returns = options.reconnect() == 0 ? new Returns(List.of(), List.of())
                : awayAndBack(plan, books, rooms, members(rooms, member -> plan.reconnects(member.seat())));
        HistoryProbe.Result history = readHistory(books, rooms);

        boolean complete = Steps.awaitDeliveries(options.timeout(), options.settle(),
                () -> (int) Math.min(Integer.MAX_VALUE, RoomAudit.outstanding(books, logs(rooms, member -> true))));
        RoomReconciliation copies = RoomAudit.reconcile(books, logs(rooms, member -> true));
        List<String> dropped = Steps.dropped(everyone.stream().flatMap(member -> member.connections().stream())
                .toList());
        Steps.closeAll(openConnections(everyone));

        PerNode perNode = new PerNode(nodes, setUp.get().connectedPerNode(), List.of(), tally,
                copies.firstLiveSentNanos().orElse(Long.MAX_VALUE));
        RoomReport report = new RoomReport(options, everyone.size(), setUp.get().registerMillis(),
                setUp.get().roomsMillis(), setUp.get().subscribeMillis(), complete, books, copies,
                Latencies.summarize(senders.roundTrips()), senders.failures(), returns.recoveries(), returns.liveAgainProblems(), history,
                troubles, dropped, perNode);
        report.print(out);
        return report.exit();
    }

    /**
     * Registers every member, makes and joins the rooms, connects and subscribes every socket; or prints why not and
     * returns nothing, with whatever opened closed again.
     */
    private Optional<Setup> setUp(RoomPlan plan, List<RoomBook> books) throws InterruptedException {
        long start = System.nanoTime();
        List<String> names = new ArrayList<>();
        for (int room = 0; room < options.rooms(); room++) {
            for (int seat = 0; seat < options.members(); seat++) {
                names.add(plan.playerName(room, seat));
            }
        }
        Roster roster = Registrar.registerSolo(nodes, names, options.concurrency(), out);
        if (Steps.reportFailures("registration", roster.failures(), out)) {
            return Optional.empty();
        }
        List<RegisteredPlayer> players = roster.players();
        long registered = System.nanoTime();
        if (Steps.reportFailures("make and join rooms", makeRooms(plan, players), out)) {
            return Optional.empty();
        }
        long joined = System.nanoTime();

        // The most any member can be owed: what bounds its log.
        long capacity = (long) options.senders() * options.messages() + options.missed() + 1;
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
        List<RoomMember> everyone = members(rooms, member -> true);
        if (Steps.reportFailures("connect and subscribe", connectAndSubscribe(plan, everyone), out)) {
            Steps.closeAll(openConnections(everyone));
            return Optional.empty();
        }
        long subscribed = System.nanoTime();
        out.printf("%d players registered in %d ms, %s made and joined in %d ms, sockets connected and subscribed"
                + " in %d ms%n", players.size(), millis(registered - start), count(options.rooms(), "room"),
                millis(joined - registered), millis(subscribed - joined));
        return Optional.of(new Setup(List.copyOf(rooms), PerNode.connected(openConnections(everyone), nodes.count()),
                millis(registered - start), millis(joined - registered), millis(subscribed - joined)));
    }

    /** Each room's first member makes it, then everybody else joins; each through its own node. */
    private List<String> makeRooms(RoomPlan plan, List<RegisteredPlayer> players) {
        List<String> failures = new ArrayList<>();
        List<StepResult<Integer>> made = Bounded.map(IntStream.range(0, options.rooms()).boxed().toList(),
                options.concurrency(), Progress.SILENT, room -> StepResult.of(() -> {
                    int player = plan.player(room, 0);
                    nodes.get(RoomPlan.node(player, nodes.count())).createRoom(players.get(player),
                            plan.roomId(room), "load test room " + room);
                    return room;
                }));
        List<Integer> joiners = new ArrayList<>();
        for (int room = 0; room < options.rooms(); room++) {
            if (made.get(room) instanceof StepResult.Failed<Integer> failed) {
                failures.add(plan.roomId(room) + " not made: " + failed.reason());
                continue;
            }
            for (int seat = 1; seat < options.members(); seat++) {
                joiners.add(plan.player(room, seat));
            }
        }
        List<StepResult<Integer>> joined = Bounded.map(joiners, options.concurrency(),
                new Progress(out, "joined rooms", joiners.size()), player -> StepResult.of(() -> {
                    nodes.get(RoomPlan.node(player, nodes.count())).joinRoom(players.get(player),
                            plan.roomId(player / options.members()));
                    return player;
                }));
        for (int i = 0; i < joiners.size(); i++) {
            if (joined.get(i) instanceof StepResult.Failed<Integer> failed) {
                failures.add(players.get(joiners.get(i)).playerName() + " did not join: " + failed.reason());
            }
        }
        return failures;
    }

    /** Every member's socket on its own node, subscribed to its room from the head (nothing to replay). */
    private List<String> connectAndSubscribe(RoomPlan plan, List<RoomMember> members) {
        List<StepResult<RoomMember>> attempts = Bounded.map(members, options.concurrency(),
                new Progress(out, "subscribed", members.size()), member -> StepResult.of(() -> {
                    member.connect(nodes.get(member.node()), plan.player(member.room(), member.seat()),
                            options.timeout());
                    member.subscribe(Optional.empty(), options.timeout());
                    return member;
                }));
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            if (attempts.get(i) instanceof StepResult.Failed<RoomMember> failed) {
                failures.add(members.get(i).name() + " not subscribed: " + failed.reason());
            }
        }
        return failures;
    }

    /** How the returning members came back, and what went wrong once they were live again. */
    private record Returns(List<Recovery> recoveries, List<String> liveAgainProblems) {}

    /**
     * The reconnecting members close their sockets at the position they have; --missed messages go to each room
     * while they are away; they come back on a new socket asking for what came after that position, and one more
     * message per room must then reach them live, once.
     */
    private Returns awayAndBack(RoomPlan plan, List<RoomBook> books, List<List<RoomMember>> rooms,
            List<RoomMember> leaving) {
        List<StepResult<SeenPosition>> left = Bounded.map(leaving, options.concurrency(), Progress.SILENT,
                member -> StepResult.of(() -> {
                    SeenPosition position = member.log().position();
                    member.leave(options.timeout());
                    return position;
                }));
        long awayStart = System.nanoTime();
        int missedAnswered = senders.send(members(rooms, member -> member.seat() == 0), RoomBook.Phase.MISSED,
                options.missed(), "missed");
        boolean othersComplete = awaitCopies(books, rooms);
        out.printf("away: %s left; %d messages answered while they were away in %d ms; %s%n",
                count(leaving.size(), "member"), missedAnswered, millis(System.nanoTime() - awayStart), othersComplete
                        ? "every copy reached the members who stayed"
                        : "gave up waiting for the members who stayed after " + options.timeout().toMillis() + " ms");

        int firstConnectionId = plan.players();
        List<Recovery> recoveries = Bounded.map(IntStream.range(0, leaving.size()).boxed().toList(),
                options.concurrency(), Progress.SILENT, i -> comeBack(leaving.get(i), left.get(i),
                        missedIn(books.get(leaving.get(i).room())), firstConnectionId + i));
        senders.send(members(rooms, member -> member.seat() == 0), RoomBook.Phase.AFTER, 1, "after");
        awaitCopies(books, rooms);
        return new Returns(recoveries, liveAgain(books, leaving));
    }

    /** Each room's message sent after the returns must have reached every returning member live, not in a replay. */
    private static List<String> liveAgain(List<RoomBook> books, List<RoomMember> returned) {
        List<String> problems = new ArrayList<>();
        for (RoomMember member : returned) {
            RoomBook book = books.get(member.room());
            for (RoomBook.Send send : book.sends()) {
                if (send.phase() != RoomBook.Phase.AFTER || send.refused()) {
                    continue;
                }
                OptionalLong offset = book.offsetOf(send);
                if (offset.isEmpty() || member.log().arrival(offset.getAsLong()).isEmpty()) {
                    problems.add(member.name() + ": " + send.clientMessageId() + " never arrived after it came back");
                } else if (member.log().replayed(offset.getAsLong())) {
                    problems.add(member.name() + ": " + send.clientMessageId() + " arrived in the replay, not live");
                }
            }
        }
        return problems;
    }

    /** What a member away from this room missed: the messages sent meanwhile that the server did not refuse. */
    private static int missedIn(RoomBook book) {
        return (int) book.sends().stream().filter(send -> send.phase() == RoomBook.Phase.MISSED && !send.refused())
                .count();
    }

    private Recovery comeBack(RoomMember member, StepResult<SeenPosition> left, int missed, int connectionId) {
        if (!(left instanceof StepResult.Done<SeenPosition>(SeenPosition position))) {
            return Recovery.failed(member.name(), new SeenPosition(-1, -1), missed,
                    "did not leave: " + ((StepResult.Failed<SeenPosition>) left).reason());
        }
        StepResult<Integer> connected = StepResult.of(() -> {
            member.connect(nodes.get(member.node()), connectionId, options.timeout());
            return connectionId;
        });
        if (connected instanceof StepResult.Failed<Integer> failed) {
            return Recovery.failed(member.name(), position, missed, "could not reconnect: "
                    + failed.reason());
        }
        member.back();
        long subscribeSent = System.nanoTime();
        StepResult<Arrival> answer = StepResult.of(() -> member.subscribe(Optional.of(position), options.timeout()));
        return switch (answer) {
            case StepResult.Done<Arrival> done -> new Recovery(member.name(), position, missed, subscribeSent,
                    Optional.of((Frame.RoomSubscribed) done.value().frame()), OptionalLong.of(done.value().atNanos()),
                    member.log().replayOffsets(), member.log().lastReplayNanos(), Optional.empty());
            case StepResult.Failed<Arrival> failed -> Recovery.failed(member.name(), position, missed,
                    "room_subscribe with since failed: " + failed.reason());
        };
    }

    /** One reader per room (its first member, on its node), pages newest first until --history-pages are read. */
    private HistoryProbe.Result readHistory(List<RoomBook> books, List<List<RoomMember>> rooms) {
        if (options.historyPages() == 0) {
            return new HistoryProbe.Result(List.of(), 0, List.of());
        }
        List<HistoryProbe.Reader> readers = new ArrayList<>();
        for (int room = 0; room < options.rooms(); room++) {
            RoomBook book = books.get(room);
            long head = book.sends().stream().filter(send -> !send.refused()).mapToLong(send -> book.offsetOf(send)
                    .orElse(0)).max().orElse(0);
            RoomMember reader = rooms.get(room).getFirst();
            readers.add(new HistoryProbe.Reader(nodes.get(reader.node()), reader.player(), book, head));
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

    private static List<RoomMember> members(List<List<RoomMember>> rooms, Predicate<RoomMember> which) {
        return rooms.stream().flatMap(List::stream).filter(which).toList();
    }

    private static List<List<MemberLog>> logs(List<List<RoomMember>> rooms, Predicate<RoomMember> which) {
        return rooms.stream().map(members -> members.stream().filter(which).map(RoomMember::log).toList()).toList();
    }

    private static List<PlayerSession> openConnections(List<RoomMember> members) {
        return members.stream().flatMap(member -> member.current().stream()).filter(PlayerSession::isOpen).toList();
    }

    /** {@code 1 room}, {@code 2 rooms}. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
