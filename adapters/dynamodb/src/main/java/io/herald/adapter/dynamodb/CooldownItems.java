package io.herald.adapter.dynamodb;

import static io.herald.adapter.dynamodb.DynamoDbTable.s;

import io.herald.domain.CooldownWindow;
import io.herald.domain.EventId;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * One item per player ({sessionId}#{playerId} / cooldown) naming the event whose window runs and until when, and
 * the condition under which another event may open it. The guard and the message store's one-step settle both
 * write it, so its shape lives here once.
 */
final class CooldownItems {
    static final String HOLDER = "holder";
    static final String UNTIL = "until";
    /** A window item outlives its window a little, only so TTL clean-up never races a live check. */
    private static final Duration KEEP_AFTER = Duration.ofHours(1);
    private static final String ADMITS = "attribute_not_exists(#pk) OR #holder = :holder OR #until <= :now";

    private CooldownItems() {
    }

    static Map<String, AttributeValue> item(SessionId session, PlayerId player, CooldownWindow window) {
        Map<String, AttributeValue> item = new HashMap<>(DynamoDbTable.key(
                TableLayout.playerPartition(session, player), TableLayout.COOLDOWN));
        item.put(HOLDER, s(window.holder().value()));
        item.put(UNTIL, s(Timestamps.format(window.until())));
        item.put(TableLayout.TTL, DynamoDbTable.n(Timestamps.ttl(window.until().plus(KEEP_AFTER))));
        return item;
    }

    /** Opens the window unless another event's window still runs at {@code now}; the blocking item comes back. */
    static Put open(String table, SessionId session, PlayerId player, CooldownWindow window, Instant now) {
        return Put.builder()
                .tableName(table)
                .item(item(session, player, window))
                .conditionExpression(ADMITS)
                .expressionAttributeNames(Map.of("#pk", TableLayout.PK, "#holder", HOLDER, "#until", UNTIL))
                .expressionAttributeValues(Map.of(":holder", s(window.holder().value()), ":now", s(Timestamps.format(now))))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
    }

    /** Starts the window whatever runs now. */
    static Put restart(String table, SessionId session, PlayerId player, CooldownWindow window) {
        return Put.builder().tableName(table).item(item(session, player, window)).build();
    }

    static CooldownWindow windowOf(Map<String, AttributeValue> item) {
        return new CooldownWindow(new EventId(item.get(HOLDER).s()), MessageItems.instant(item, UNTIL));
    }
}
