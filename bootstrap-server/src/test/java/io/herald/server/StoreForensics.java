package io.herald.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * What a stopped node's data directory holds of some events, for the message of a failing durability test: whether
 * an event is still held, claimed or settled, and which copies of its message exist. Read only after the node is dead.
 */
final class StoreForensics {
    private static final String TABLE = "herald";
    /** Attributes that say nothing about where an event got to; left out so each item fits a line. */
    private static final Set<String> NOISE = Set.of("content", "gsi1pk", "gsi1sk", "owedpk", "sessionId",
            "targetPlayerId", "senderId", "expiresAt", "expiresAtIso", "messageType", "triggerEventType");

    private StoreForensics() {
    }

    /** Every item naming one of these inbox keys' events, one line each; empty when the keys are. */
    static String itemsOf(Path dataDirectory, Collection<String> inboxKeys) {
        if (inboxKeys.isEmpty()) {
            return "";
        }
        Map<String, StringBuilder> byEvent = new TreeMap<>();
        inboxKeys.forEach(key -> byEvent.put(key.substring(key.lastIndexOf('#') + 1), new StringBuilder()));
        try (EmbeddedDynamoDb store = EmbeddedDynamoDb.start(dataDirectory.resolve("dynamodb"))) {
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                ScanResponse page = store.client().scan(b -> b.tableName(TABLE).exclusiveStartKey(from));
                for (Map<String, AttributeValue> item : page.items()) {
                    String text = describe(item);
                    byEvent.forEach((event, found) -> {
                        if (text.contains(event)) {
                            found.append("    ").append(text).append('\n');
                        }
                    });
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        } catch (RuntimeException e) {
            return "(the store could not be read: " + e + ")";
        }
        return byEvent.entrySet().stream()
                .map(entry -> "  " + entry.getKey() + ":\n" + (entry.getValue().isEmpty() ? "    (no item at all)\n"
                        : entry.getValue()))
                .collect(Collectors.joining());
    }

    /** The lines of a node log that name one of these inbox keys' events, for the same message. */
    static String logLinesOf(Path log, Collection<String> inboxKeys) {
        if (inboxKeys.isEmpty()) {
            return "";
        }
        List<String> events = inboxKeys.stream().map(key -> key.substring(key.lastIndexOf('#') + 1)).toList();
        try (Stream<String> lines = Files.lines(log)) {
            String found = lines.filter(line -> events.stream().anyMatch(line::contains))
                    .map(line -> "    " + line).collect(Collectors.joining("\n"));
            return found.isEmpty() ? "    (no line names them)" : found;
        } catch (IOException | UncheckedIOException e) {
            return "    (the log could not be read: " + e + ")";
        }
    }

    private static String describe(Map<String, AttributeValue> item) {
        return new TreeMap<>(item).entrySet().stream()
                .filter(field -> !NOISE.contains(field.getKey()))
                .map(field -> field.getKey() + "=" + value(field.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String value(AttributeValue value) {
        if (value.s() != null) {
            return value.s().length() > 80 ? value.s().substring(0, 80) + "…" : value.s();
        }
        return value.bool() != null ? value.bool().toString() : value.n() != null ? value.n() : value.toString();
    }
}
