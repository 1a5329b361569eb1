package io.herald.loadtest;

import java.util.OptionalLong;

/**
 * The runtime_deltas of a cluster run. {@code delivered + lost + diedNode == expected}; {@code notExpected} counts
 * (event, recipient) pairs whose recipient was not joined throughout, {@code missedWhileDisconnected} those of them
 * that never arrived; {@code repeatedAfterRetry} counts extra copies of events that were posted twice.
 */
record DeltaReconciliation(int expected, int delivered, int lost, int duplicated, int unexpected, int diedNode,
        int notExpected, int missedWhileDisconnected, int repeatedAfterRetry, LatencySummary latency,
        OptionalLong lastArrivalNanos) {

    boolean clean() {
        return lost == 0 && duplicated == 0 && unexpected == 0;
    }

    String describe() {
        return "expected " + expected + ", delivered " + delivered + ", lost " + lost + ", duplicated " + duplicated
                + ", unexpected " + unexpected + "; not expected " + notExpected
                + " (recipient not joined throughout), of them missed while disconnected " + missedWhileDisconnected
                + "; repeated after a retry " + repeatedAfterRetry + " (allowed)";
    }
}
