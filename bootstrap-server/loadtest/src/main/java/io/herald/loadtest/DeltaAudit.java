package io.herald.loadtest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The runtime_delta books of a run in which connections drop. Deltas are live-only, never stored: one is owed only
 * to a recipient that was joined before its event left and stayed connected until the end; any other recipient
 * that lacks it missed it while disconnected, which is no loss. Thread-safe.
 */
final class DeltaAudit {
    /** Whether a player has a connection, joined at or before {@code sinceNanos}, that is still open now. */
    @FunctionalInterface
    interface Presence {
        boolean joinedThroughout(String playerId, long sinceNanos);
    }

    /**
     * A delta one recipient may get; {@code mayRepeat} when its event was posted twice (the first node gave no
     * answer), so both nodes may have pushed it.
     */
    private record Booked(String recipientId, long sentNanos, Set<Integer> postedTo, boolean mayRepeat) {}

    private record Receipt(int connectionId, String key) {}

    private final Map<String, Booked> booked = new HashMap<>();
    private final Map<String, Long> firstArrival = new HashMap<>();
    private final Map<Receipt, Integer> copies = new HashMap<>();

    synchronized void expect(String key, String recipientId, long sentNanos, Set<Integer> postedTo,
            boolean mayRepeat) {
        booked.put(key, new Booked(recipientId, sentNanos, Set.copyOf(postedTo), mayRepeat));
    }

    synchronized void receive(int connectionId, String key, long atNanos) {
        copies.merge(new Receipt(connectionId, key), 1, Integer::sum);
        firstArrival.merge(key, atNanos, Math::min);
    }

    /**
     * Deltas owed to recipients connected right now and not received yet, leaving out those of events that went
     * only to a dead node: deltas are never stored, so nothing will bring them any more.
     */
    synchronized int outstanding(Presence presence, Set<Integer> deadNodes) {
        int missing = 0;
        for (Map.Entry<String, Booked> each : booked.entrySet()) {
            Booked delta = each.getValue();
            if (!firstArrival.containsKey(each.getKey())
                    && !(deadNodes.containsAll(delta.postedTo()) && !deadNodes.isEmpty())
                    && presence.joinedThroughout(delta.recipientId(), delta.sentNanos())) {
                missing++;
            }
        }
        return missing;
    }

    /** Call at the end of the settle wait, before any connection is closed: presence is judged as of now. */
    synchronized DeltaReconciliation reconcile(Presence presence, Set<Integer> deadNodes) {
        List<Long> latencies = new ArrayList<>();
        OptionalLong last = OptionalLong.empty();
        int expected = 0;
        int lost = 0;
        int died = 0;
        int notExpected = 0;
        int missed = 0;
        for (Map.Entry<String, Booked> each : booked.entrySet()) {
            Booked delta = each.getValue();
            Long arrived = firstArrival.get(each.getKey());
            if (!presence.joinedThroughout(delta.recipientId(), delta.sentNanos())) {
                notExpected++;
                missed += arrived == null ? 1 : 0;
            } else {
                expected++;
                if (arrived != null) {
                    latencies.add(arrived - delta.sentNanos());
                    last = OptionalLong.of(Math.max(arrived, last.orElse(Long.MIN_VALUE)));
                } else if (delta.postedTo().stream().anyMatch(deadNodes::contains)) {
                    died++;
                } else {
                    lost++;
                }
            }
        }
        int duplicated = 0;
        int repeated = 0;
        int unexpected = 0;
        for (Map.Entry<Receipt, Integer> receipt : copies.entrySet()) {
            Booked delta = booked.get(receipt.getKey().key());
            if (delta == null) {
                unexpected += receipt.getValue();
            } else if (delta.mayRepeat()) {
                // Two posts explain one extra copy, not more.
                repeated += Math.min(1, receipt.getValue() - 1);
                duplicated += Math.max(0, receipt.getValue() - 2);
            } else {
                duplicated += receipt.getValue() - 1;
            }
        }
        return new DeltaReconciliation(expected, latencies.size(), lost, duplicated, unexpected, died, notExpected,
                missed, repeated, Latencies.summarize(latencies), last);
    }
}
