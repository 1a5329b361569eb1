package io.herald.loadtest;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** The memory run: many joined, silent connections held steady while the operator measures the server. */
final class IdleScenario {
    private static final int TEAM_SIZE = 5;
    // Beyond the sockets, the JVM keeps jars, pipes and the selector open.
    private static final int SPARE_FILES = 100;

    private final ScenarioOptions.Idle options;
    private final Nodes nodes;
    private final PrintStream out;

    IdleScenario(ScenarioOptions.Idle options, Nodes nodes, PrintStream out) {
        this.options = options;
        this.nodes = nodes;
        this.out = out;
    }

    int run() throws InterruptedException {
        out.printf("idle: %d connections in teams of %d, held %d s%s, against %s%n", options.connections(),
                TEAM_SIZE, options.hold().toSeconds(),
                options.pingEvery().map(every -> " with a ping every " + every.toMillis() + " ms").orElse(""),
                nodes.describe());
        OptionalLong limit = Steps.openFileLimit();
        if (limit.isPresent() && limit.getAsLong() < options.connections() + SPARE_FILES) {
            out.printf("WARNING: open-file limit of this process is %d (ulimit -n); %d connections need about %d."
                    + " Expect \"Too many open files\"; raise the limit for this process and the server.%n",
                    limit.getAsLong(), options.connections(), options.connections() + SPARE_FILES);
        }
        if (!Steps.healthy(nodes, out)) {
            return LoadTest.SETUP_FAILED;
        }
        long setupStart = System.nanoTime();
        Roster roster = Registrar.register(nodes, teamSizes(options.connections()), "idle", options.concurrency(),
                out);
        Steps.reportFailures("registration", roster.failures(), out);
        long registered = System.nanoTime();
        ArrivalRouter router = new ArrivalRouter(nodes.count());
        Connected connected = Connector.connectAll(nodes, roster.players(), Nodes.place(roster, nodes.count()),
                router, options.concurrency(), options.timeout(), out);
        Steps.reportFailures("connect and join", connected.failures(), out);
        long joined = System.nanoTime();
        List<PlayerSession> sessions = connected.sessions();
        int failedToOpen = roster.failures().size() + connected.failures().size();
        if (sessions.isEmpty()) {
            out.println("ERROR: no connection joined; nothing to hold");
            return LoadTest.SETUP_FAILED;
        }
        out.printf("registered in %d ms, connected and joined in %d ms%n", (registered - setupStart) / 1_000_000,
                (joined - registered) / 1_000_000);
        PerNode perNode = new PerNode(nodes, PerNode.connected(sessions, nodes.count()), List.of(), router.nodes(),
                Long.MAX_VALUE);
        perNode.print(out);
        out.println("HOLDING " + sessions.size() + " connections (pid of this process " + ProcessHandle.current().pid()
                + ")");
        out.flush();

        int pings = hold(sessions);
        List<String> dropped = Steps.dropped(sessions);
        out.println("RELEASING " + sessions.size() + " connections after " + options.hold().toSeconds() + " s; "
                + dropped.size() + " dropped during the hold");
        dropped.stream().limit(5).forEach(reason -> out.println("  dropped " + reason));
        router.examples().forEach(example -> out.println("  " + example));
        Steps.closeAll(sessions);

        boolean clean = failedToOpen == 0 && dropped.isEmpty() && router.errorFrames() == 0
                && router.malformedFrames() == 0;
        int exit = clean ? LoadTest.CLEAN : LoadTest.FAILURES;
        out.println(perNode.addTo(new ResultLine("idle").put("requested", options.connections())
                .put("held", sessions.size())
                .put("failed_to_open", failedToOpen).put("dropped", dropped.size())
                .put("hold_s", options.hold().toSeconds())
                .put("register_ms", (registered - setupStart) / 1_000_000)
                .put("join_ms", (joined - registered) / 1_000_000)
                .put("pings_sent", pings).put("pongs", router.pongs())
                .put("error_frames", router.errorFrames()).put("malformed_frames", router.malformedFrames()))
                .put("exit", exit));
        return exit;
    }

    /** Sleeps through the hold; with --ping-every, pings every open connection at each step. Returns pings sent. */
    private int hold(List<PlayerSession> sessions) throws InterruptedException {
        Duration step = options.pingEvery().orElse(options.hold());
        long end = System.nanoTime() + options.hold().toNanos();
        int pings = 0;
        for (long left = end - System.nanoTime(); left > 0; left = end - System.nanoTime()) {
            Thread.sleep(Duration.ofNanos(Math.min(step.toNanos(), left)));
            if (options.pingEvery().isPresent() && System.nanoTime() < end) {
                for (PlayerSession session : sessions) {
                    if (session.isOpen()) {
                        session.ping();
                        pings++;
                    }
                }
            }
        }
        return pings;
    }

    static List<Integer> teamSizes(int players) {
        List<Integer> sizes = new ArrayList<>();
        for (int left = players; left > 0; left -= TEAM_SIZE) {
            sizes.add(Math.min(TEAM_SIZE, left));
        }
        return sizes;
    }
}
