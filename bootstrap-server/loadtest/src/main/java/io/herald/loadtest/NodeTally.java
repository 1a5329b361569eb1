package io.herald.loadtest;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/** Deliveries counted by the node whose socket carried them, so a run over several nodes shows each one's share. */
final class NodeTally {
    private final AtomicIntegerArray deliveries;
    private final AtomicLongArray lastArrival;

    NodeTally(int nodes) {
        deliveries = new AtomicIntegerArray(nodes);
        lastArrival = new AtomicLongArray(nodes);
        for (int node = 0; node < nodes; node++) {
            lastArrival.set(node, Long.MIN_VALUE);
        }
    }

    void count(int node, int delivered, long atNanos) {
        if (delivered > 0) {
            deliveries.addAndGet(node, delivered);
            lastArrival.accumulateAndGet(node, atNanos, Math::max);
        }
    }

    int nodes() {
        return deliveries.length();
    }

    int deliveries(int node) {
        return deliveries.get(node);
    }

    /** Deliveries per second on {@code node} from {@code fromNanos} (the first event) to its last delivery. */
    String rate(int node, long fromNanos) {
        long last = lastArrival.get(node);
        return last == Long.MIN_VALUE ? "n/a" : ResultLine.rate(deliveries(node), last - fromNanos);
    }

    OptionalLong lastArrival(int node) {
        long last = lastArrival.get(node);
        return last == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(last);
    }
}
