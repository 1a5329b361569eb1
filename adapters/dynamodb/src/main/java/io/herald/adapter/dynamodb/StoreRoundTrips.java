package io.herald.adapter.dynamodb;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Counts every request Herald's stores make of DynamoDB, by operation (PutItem, TransactWriteItems…): the measure
 * of what a use case costs the store. It wraps the client itself, so it counts the same whether the client speaks
 * HTTP to DynamoDB or calls the embedded store in-process.
 */
public final class StoreRoundTrips {
    /** Client methods that describe the client rather than call the service. */
    private static final Set<String> NOT_REQUESTS = Set.of("serviceName", "close", "serviceClientConfiguration",
            "waiter", "utilities", "hashCode", "equals", "toString");

    private final Map<String, LongAdder> byOperation = new ConcurrentHashMap<>();

    /** The client, counting each call it is asked to make. */
    DynamoDbClient counting(DynamoDbClient client) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (!NOT_REQUESTS.contains(method.getName()) && method.getDeclaringClass() != Object.class) {
                count(operationOf(method));
            }
            try {
                return method.invoke(client, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, handler);
    }

    private void count(String operation) {
        byOperation.computeIfAbsent(operation, o -> new LongAdder()).increment();
    }

    private static String operationOf(Method method) {
        String name = method.getName();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** Requests made so far, by operation name, in name order. */
    public Map<String, Long> snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        byOperation.forEach((operation, count) -> counts.put(operation, count.sum()));
        return counts;
    }

    public long total() {
        return byOperation.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** What was requested between two snapshots, leaving out operations that did not move. */
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
