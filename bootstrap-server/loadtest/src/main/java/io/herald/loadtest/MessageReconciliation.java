package io.herald.loadtest;

import java.util.OptionalLong;

/**
 * The ai_messages of a cluster run against what was owed. {@code deliveredLive + deliveredByCatchUp + lost +
 * diedNode == expected}; {@code redelivered} counts extra copies that came by catch-up (allowed: the ack had not
 * reached the store), {@code duplicated} extra live copies to the same player (a server bug). {@code diedNode}
 * counts copies of events posted to the node that died and never seen, {@code oldestDiedNanos} the earliest such
 * event. Latencies are of live deliveries only: a caught-up copy waited for its player to come back.
 */
record MessageReconciliation(int expected, int deliveredLive, int deliveredByCatchUp, int redelivered, int lost,
        int duplicated, int unexpected, int diedNode, OptionalLong oldestDiedNanos, int broadcastTeams,
        int broadcastComplete, int broadcastMixedIds, LatencySummary latency, OptionalLong lastLiveArrivalNanos) {

    /** The died-node category does not fail a run; copies of one broadcast with different messageIds do. */
    boolean clean() {
        return lost == 0 && duplicated == 0 && unexpected == 0 && broadcastMixedIds == 0;
    }

    String describe() {
        return "expected " + expected + ", delivered live " + deliveredLive + ", by catch-up " + deliveredByCatchUp
                + ", redelivered " + redelivered + " (allowed), lost " + lost + ", duplicated " + duplicated
                + ", unexpected " + unexpected;
    }
}
