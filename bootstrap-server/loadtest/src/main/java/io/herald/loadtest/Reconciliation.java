package io.herald.loadtest;

import java.util.OptionalLong;

/**
 * What arrived against what was expected. {@code duplicated} counts extra copies of an expected key on one
 * connection; {@code unexpected} counts every receipt of a key nobody expected; {@code lastArrivalNanos} is when
 * the last expected key first arrived.
 */
record Reconciliation(int expected, int delivered, int lost, int duplicated, int unexpected, LatencySummary latency,
        OptionalLong lastArrivalNanos) {

    boolean clean() {
        return lost == 0 && duplicated == 0 && unexpected == 0;
    }

    String describe() {
        return "expected " + expected + ", delivered " + delivered + ", lost " + lost + ", duplicated " + duplicated
                + ", unexpected " + unexpected;
    }
}
