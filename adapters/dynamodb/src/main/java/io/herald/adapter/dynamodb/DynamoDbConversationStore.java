package io.herald.adapter.dynamodb;

import static io.herald.adapter.dynamodb.DynamoDbTable.key;
import static io.herald.adapter.dynamodb.DynamoDbTable.n;
import static io.herald.adapter.dynamodb.DynamoDbTable.s;

import io.herald.application.port.ConversationStore;
import io.herald.domain.CharacterId;
import io.herald.domain.ConversationLine;
import io.herald.domain.RoomText;
import io.herald.domain.SessionId;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Conversations between characters with their session ({@code SESSION#{sessionId}}, sort key
 * {@code CONVO#{conversationId}#{index, 3 digits}}), kept for the chat retention (TTL).
 */
public final class DynamoDbConversationStore implements ConversationStore {
    private final DynamoDbTable table;
    private final Duration retention;

    public DynamoDbConversationStore(DynamoDbTable table, Duration retention) {
        this.table = table;
        this.retention = retention;
    }

    private static String prefix(String conversationId) {
        return "CONVO#" + conversationId + "#";
    }

    @Override
    public void append(ConversationLine line) {
        Map<String, AttributeValue> item = new HashMap<>(key(TableLayout.sessionPartition(line.session()),
                prefix(line.conversationId()) + String.format("%03d", line.index())));
        item.put("conversationId", s(line.conversationId()));
        item.put("index", n(Integer.toString(line.index())));
        item.put("sessionId", s(line.session().value()));
        item.put("characterId", s(line.speaker().value()));
        item.put("text", s(line.text().value()));
        item.put("at", s(Timestamps.format(line.at())));
        line.llmInteractionId().ifPresent(id -> item.put("llmInteractionId", s(id)));
        item.put(TableLayout.TTL, n(Timestamps.ttl(line.at().plus(retention))));
        table.call("conversation line", () -> table.client().putItem(p -> p.tableName(table.name()).item(item)));
    }

    @Override
    public List<ConversationLine> lines(SessionId session, String conversationId) {
        return table.queryPrefix(TableLayout.sessionPartition(session), prefix(conversationId), item ->
                new ConversationLine(item.get("conversationId").s(), Integer.parseInt(item.get("index").n()), session,
                        new CharacterId(item.get("characterId").s()), new RoomText(item.get("text").s()),
                        Timestamps.parse(item.get("at").s()),
                        Optional.ofNullable(item.get("llmInteractionId")).map(AttributeValue::s)));
    }
}
