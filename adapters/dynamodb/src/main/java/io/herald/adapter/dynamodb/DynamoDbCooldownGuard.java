package io.herald.adapter.dynamodb;

import static io.herald.adapter.dynamodb.DynamoDbTable.s;

import io.herald.application.port.CooldownGuard;
import io.herald.domain.CooldownWindow;
import io.herald.domain.EventId;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * One item per player ({sessionId}#{playerId} / cooldown) written with a condition: DynamoDB serialises writes to
 * an item, so of two concurrent attempts exactly one satisfies it. The item names the event that holds the window.
 */
public final class DynamoDbCooldownGuard implements CooldownGuard {
    private static final String HOLDER = "holder";
    private static final String UNTIL = "until";
    /** A window item outlives its window a little, only so TTL clean-up never races a live check. */
    private static final Duration KEEP_AFTER = Duration.ofHours(1);

    private final DynamoDbTable table;

    public DynamoDbCooldownGuard(DynamoDbTable table) {
        this.table = table;
    }

    @Override
    public Optional<CooldownWindow> tryOpen(SessionId session, PlayerId player, CooldownWindow window, Instant now) {
        try {
            table.call("open cooldown", () -> table.client().putItem(b -> b
                    .tableName(table.name())
                    .item(item(session, player, window))
                    .conditionExpression("attribute_not_exists(#pk) OR #holder = :holder OR #until <= :now")
                    .expressionAttributeNames(Map.of("#pk", TableLayout.PK, "#holder", HOLDER, "#until", UNTIL))
                    .expressionAttributeValues(Map.of(":holder", s(window.holder().value()),
                            ":now", s(Timestamps.format(now))))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
            return Optional.empty();
        } catch (ConditionalCheckFailedException blocked) {
            Map<String, AttributeValue> current = blocked.item();
            return Optional.of(new CooldownWindow(new EventId(current.get(HOLDER).s()),
                    MessageItems.instant(current, UNTIL)));
        }
    }

    @Override
    public void restart(SessionId session, PlayerId player, CooldownWindow window) {
        table.call("restart cooldown", () -> table.client().putItem(b -> b
                .tableName(table.name())
                .item(item(session, player, window))));
    }

    private static Map<String, AttributeValue> item(SessionId session, PlayerId player, CooldownWindow window) {
        Map<String, AttributeValue> item = new HashMap<>(DynamoDbTable.key(
                TableLayout.playerPartition(session, player), TableLayout.COOLDOWN));
        item.put(HOLDER, s(window.holder().value()));
        item.put(UNTIL, s(Timestamps.format(window.until())));
        item.put(TableLayout.TTL, DynamoDbTable.n(Timestamps.ttl(window.until().plus(KEEP_AFTER))));
        return item;
    }
}
