package io.herald.loadtest;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/** Prints every tenth of a long setup phase, so an operator watching 20 000 connections open sees it move. */
final class Progress {
    private static final int WORTH_REPORTING = 1_000;

    /** For steps too short to be worth a progress line. */
    static final Progress SILENT = new Progress(null, "", 0);

    private final PrintStream out;
    private final String label;
    private final int total;
    private final AtomicInteger done = new AtomicInteger();

    Progress(PrintStream out, String label, int total) {
        this.out = out;
        this.label = label;
        this.total = total;
    }

    void step() {
        int now = done.incrementAndGet();
        if (total >= WORTH_REPORTING && now % Math.max(1, total / 10) == 0) {
            out.printf("  %s %d/%d%n", label, now, total);
        }
    }
}
