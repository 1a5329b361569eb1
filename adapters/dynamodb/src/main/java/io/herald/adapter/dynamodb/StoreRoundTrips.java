package io.herald.adapter.dynamodb;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts every HTTP request the DynamoDB client sends, by operation, retries included: the honest measure of what a
 * use case costs the store, read from the wire rather than from Herald's own idea of how often it calls.
 */
public final class StoreRoundTrips implements ExecutionInterceptor {
    private final Map<String, LongAdder> byOperation = new ConcurrentHashMap<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        byOperation.computeIfAbsent(operation == null ? "unknown" : operation, o -> new LongAdder()).increment();
    }

    /** Requests sent so far, by operation name, in name order. */
    public Map<String, Long> snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        byOperation.forEach((operation, count) -> counts.put(operation, count.sum()));
        return counts;
    }

    public long total() {
        return byOperation.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** What was sent between two snapshots, leaving out operations that did not move. */
    public static Map<String, Long> between(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((operation, count) -> {
            long sent = count - before.getOrDefault(operation, 0L);
            if (sent != 0) {
                delta.put(operation, sent);
            }
        });
        return delta;
    }
}
