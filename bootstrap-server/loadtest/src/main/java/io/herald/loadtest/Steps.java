package io.herald.loadtest;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;

/** The phases every scenario shares: check the server is up, report setup failures, wait for frames, hang up. */
final class Steps {
    private static final int SHOWN_FAILURES = 5;
    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private Steps() {}

    /** Every node must answer, or the run would measure a cluster that is not the one asked for. */
    static boolean healthy(Nodes nodes, PrintStream out) throws InterruptedException {
        boolean all = true;
        for (ServerUnderTest server : nodes.all()) {
            try {
                server.health();
            } catch (IOException e) {
                out.println("ERROR: " + server.url() + "/health did not answer 200 (" + Failures.describe(e)
                        + "). Is the server running?");
                all = false;
            }
        }
        return all;
    }

    /**
     * Opens about {@code connections} pooled HTTP connections, spread evenly over the nodes, with concurrent health
     * checks, so the events that follow are timed without TCP set-up and the client's cold code paths — a game
     * runtime keeps its connection too.
     */
    static void warmUp(Nodes nodes, int connections) {
        int perNode = Math.max(1, (connections + nodes.count() - 1) / nodes.count());
        Bounded.map(IntStream.range(0, perNode * nodes.count()).boxed().toList(), perNode * nodes.count(),
                Progress.SILENT, i -> StepResult.of(() -> {
                    nodes.get(i % nodes.count()).health();
                    return i;
                }));
    }

    /** Prints how many failed and the first few reasons; returns whether anything failed. */
    static boolean reportFailures(String phase, List<String> failures, PrintStream out) {
        if (failures.isEmpty()) {
            return false;
        }
        out.println(phase + ": " + failures.size() + " failed, first reasons:");
        failures.stream().limit(SHOWN_FAILURES).forEach(reason -> out.println("  " + reason));
        if (failures.stream().anyMatch(Failures::isTooManyOpenFiles)) {
            out.println("ERROR: \"Too many open files\": this process has an open-file limit of "
                    + openFileLimit().stream().mapToObj(Long::toString).findFirst().orElse("unknown")
                    + " and every connection needs one. Raise it (for example `ulimit -n 65536` in the shell that"
                    + " runs java; the server process needs the same) and run again.");
        }
        return true;
    }

    /** This process's open-file limit, where the JVM can tell (Unix). */
    static OptionalLong openFileLimit() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? OptionalLong.of(unix.getMaxFileDescriptorCount())
                : OptionalLong.empty();
    }

    /**
     * Waits until no ledger has anything outstanding or {@code timeout} passes; then, if complete, waits
     * {@code settle} longer so a late duplicate is still counted. Returns whether everything arrived.
     */
    static boolean awaitDeliveries(Duration timeout, Duration settle, DeliveryLedger... ledgers)
            throws InterruptedException {
        return awaitDeliveries(timeout, settle, () -> outstanding(ledgers));
    }

    /** The same wait for books that are not {@link DeliveryLedger}s: {@code outstanding} counts what is missing. */
    static boolean awaitDeliveries(Duration timeout, Duration settle, IntSupplier outstanding)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (outstanding.getAsInt() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(POLL);
        }
        boolean complete = outstanding.getAsInt() == 0;
        if (complete) {
            Thread.sleep(settle);
        }
        return complete;
    }

    static List<String> dropped(List<PlayerSession> sessions) {
        return sessions.stream().filter(PlayerSession::dropped)
                .map(session -> session.player().playerName() + ": " + session.closedBecause()).toList();
    }

    /** Asks every connection to close and gives the server a moment to answer, so the run ends without resets. */
    static void closeAll(List<PlayerSession> sessions) throws InterruptedException {
        sessions.forEach(PlayerSession::close);
        long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
        while (sessions.stream().anyMatch(PlayerSession::isOpen) && System.nanoTime() < deadline) {
            Thread.sleep(POLL);
        }
    }

    private static int outstanding(DeliveryLedger... ledgers) {
        int sum = 0;
        for (DeliveryLedger ledger : ledgers) {
            sum += ledger.outstanding();
        }
        return sum;
    }
}
