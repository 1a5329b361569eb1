package io.herald.adapter.dynamodb;

import static io.herald.adapter.dynamodb.DynamoDbTable.n;
import static io.herald.adapter.dynamodb.DynamoDbTable.s;

import io.herald.application.spi.CompositionRecorder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Seed 003's LLM interaction statistics: one item per model call in the session's partition
 * ({@code llm#{at}#{eventId}}), so a session's cost and failure reasons can be read back in time order.
 */
public final class DynamoDbCompositionRecorder implements CompositionRecorder {
    static final String PREFIX = "llm#";
    /** Long enough for a month of cost reports, short enough that statistics do not pile up forever. */
    private static final Duration KEEP = Duration.ofDays(90);

    private final DynamoDbTable table;

    public DynamoDbCompositionRecorder(DynamoDbTable table) {
        this.table = table;
    }

    @Override
    public void record(Call call) {
        Map<String, AttributeValue> item = new HashMap<>(DynamoDbTable.key(TableLayout.sessionPartition(call.session()),
                PREFIX + Timestamps.format(call.at()) + "#" + call.event().value()));
        item.put("eventId", s(call.event().value()));
        item.put("model", s(call.model()));
        item.put("promptTokens", n(Integer.toString(call.promptTokens())));
        item.put("completionTokens", n(Integer.toString(call.completionTokens())));
        item.put("latencyMs", n(Long.toString(call.latency().toMillis())));
        item.put("outcome", s(call.ok() ? "ok" : "fallback"));
        call.fallbackReason().ifPresent(reason -> item.put("reason", s(reason)));
        item.put("at", s(Timestamps.format(call.at())));
        item.put(TableLayout.TTL, n(Timestamps.ttl(call.at().plus(KEEP))));
        table.call("record model call", () -> table.client().putItem(b -> b.tableName(table.name()).item(item)));
    }
}
