package io.herald.adapter.dynamodb;

import static io.herald.adapter.dynamodb.DynamoDbTable.key;
import static io.herald.adapter.dynamodb.DynamoDbTable.n;
import static io.herald.adapter.dynamodb.DynamoDbTable.s;

import io.herald.application.port.ChatStore;
import io.herald.application.port.PageCursor;
import io.herald.domain.CharacterId;
import io.herald.domain.ChatTurn;
import io.herald.domain.Member;
import io.herald.domain.PlayerId;
import io.herald.domain.RoomText;
import io.herald.domain.SessionId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A player's chats in its own partition ({@code {sessionId}#{playerId}}, sort key {@code CHAT#{characterId}#{turnId}};
 * turn ids are time-ordered, so a character's chat reads newest first by key). Kept for the retention (TTL).
 */
public final class DynamoDbChatStore implements ChatStore {
    private static final String PREFIX = "CHAT#";

    private final DynamoDbTable table;
    private final Duration retention;

    public DynamoDbChatStore(DynamoDbTable table, Duration retention) {
        this.table = table;
        this.retention = retention;
    }

    private static String partition(Member player) {
        return TableLayout.playerPartition(player.session(), player.player());
    }

    private static String prefix(CharacterId character) {
        return PREFIX + character.value() + "#";
    }

    @Override
    public void append(ChatTurn turn) {
        Map<String, AttributeValue> item = new HashMap<>(key(partition(turn.player()), prefix(turn.character()) + turn.id()));
        item.put("turnId", s(turn.id()));
        item.put("sessionId", s(turn.player().session().value()));
        item.put("playerId", s(turn.player().player().value()));
        item.put("characterId", s(turn.character().value()));
        item.put("role", s(turn.role().name()));
        item.put("text", s(turn.text().value()));
        item.put("at", s(Timestamps.format(turn.at())));
        turn.llmInteractionId().ifPresent(id -> item.put("llmInteractionId", s(id)));
        item.put(TableLayout.TTL, n(Timestamps.ttl(turn.at().plus(retention))));
        table.call("chat turn", () -> table.client().putItem(p -> p.tableName(table.name()).item(item)));
    }

    @Override
    public List<ChatTurn> recent(Member player, CharacterId character, int count) {
        List<ChatTurn> newestFirst = new ArrayList<>(history(player, character, Optional.empty(), count).turns());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    @Override
    public ChatPage history(Member player, CharacterId character, Optional<PageCursor> cursor, int limit) {
        Optional<String> after = cursor.map(PageCursor::value);
        after.ifPresent(c -> {
            if (!c.matches("t\\d{13}-\\S{1,200}") || c.contains("#")) {
                throw PageCursor.notA("chat");
            }
        });
        QueryRequest.Builder query = QueryRequest.builder().tableName(table.name())
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", TableLayout.PK, "#sk", TableLayout.SK))
                .expressionAttributeValues(Map.of(":pk", s(partition(player)), ":prefix", s(prefix(character))))
                .scanIndexForward(false).consistentRead(true).limit(limit + 1);
        after.ifPresent(c -> query.exclusiveStartKey(key(partition(player), prefix(character) + c)));
        QueryRequest request = query.build();
        QueryResponse response = table.call("chat history", () -> table.client().query(request));
        List<Map<String, AttributeValue>> items = response.items();
        boolean more = DynamoDbTable.hasMore(response, limit);
        List<ChatTurn> turns = (more ? items.subList(0, limit) : items).stream().map(DynamoDbChatStore::fromItem).toList();
        return new ChatPage(turns, more ? Optional.of(new PageCursor(turns.getLast().id())) : Optional.empty());
    }

    private static ChatTurn fromItem(Map<String, AttributeValue> item) {
        return new ChatTurn(item.get("turnId").s(),
                new Member(new SessionId(item.get("sessionId").s()), new PlayerId(item.get("playerId").s())),
                new CharacterId(item.get("characterId").s()), ChatTurn.Role.valueOf(item.get("role").s()),
                new RoomText(item.get("text").s()), Timestamps.parse(item.get("at").s()),
                Optional.ofNullable(item.get("llmInteractionId")).map(AttributeValue::s));
    }
}
