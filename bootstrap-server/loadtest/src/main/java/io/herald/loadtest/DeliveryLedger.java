package io.herald.loadtest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Books what should arrive (by key, with the moment it was caused) against what did (by connection), in either
 * order: an ai_message can beat the HTTP answer that tells us its event id. Thread-safe.
 */
final class DeliveryLedger {
    private record Receipt(int connectionId, String key) {}

    private final Map<String, Long> causedAt = new HashMap<>();
    private final Map<String, Long> firstArrival = new HashMap<>();
    private final Map<Receipt, Integer> copies = new HashMap<>();

    synchronized void expect(String key, long causedAtNanos) {
        causedAt.put(key, causedAtNanos);
    }

    synchronized void receive(int connectionId, String key, long atNanos) {
        copies.merge(new Receipt(connectionId, key), 1, Integer::sum);
        firstArrival.merge(key, atNanos, Math::min);
    }

    synchronized int outstanding() {
        return (int) causedAt.keySet().stream().filter(key -> !firstArrival.containsKey(key)).count();
    }

    synchronized OptionalLong firstArrival(String key) {
        Long at = firstArrival.get(key);
        return at == null ? OptionalLong.empty() : OptionalLong.of(at);
    }

    synchronized Reconciliation reconcile() {
        List<Long> latencies = new ArrayList<>();
        int lost = 0;
        OptionalLong last = OptionalLong.empty();
        for (Map.Entry<String, Long> expected : causedAt.entrySet()) {
            Long arrived = firstArrival.get(expected.getKey());
            if (arrived == null) {
                lost++;
            } else {
                latencies.add(arrived - expected.getValue());
                last = OptionalLong.of(Math.max(arrived, last.orElse(Long.MIN_VALUE)));
            }
        }
        int duplicated = 0;
        int unexpected = 0;
        for (Map.Entry<Receipt, Integer> receipt : copies.entrySet()) {
            if (causedAt.containsKey(receipt.getKey().key())) {
                duplicated += receipt.getValue() - 1;
            } else {
                unexpected += receipt.getValue();
            }
        }
        return new Reconciliation(causedAt.size(), latencies.size(), lost, duplicated, unexpected,
                Latencies.summarize(latencies), last);
    }
}
