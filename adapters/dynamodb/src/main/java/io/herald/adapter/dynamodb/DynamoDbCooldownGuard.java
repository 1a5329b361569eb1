package io.herald.adapter.dynamodb;

import io.herald.application.port.CooldownGuard;
import io.herald.domain.CooldownWindow;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;

/**
 * The cooldown as a conditional write on one item per player ({@link CooldownItems}): DynamoDB serialises writes to
 * an item, so of two concurrent attempts exactly one satisfies the condition.
 */
public final class DynamoDbCooldownGuard implements CooldownGuard {
    private final DynamoDbTable table;

    public DynamoDbCooldownGuard(DynamoDbTable table) {
        this.table = table;
    }

    @Override
    public Optional<CooldownWindow> tryOpen(SessionId session, PlayerId player, CooldownWindow window, Instant now) {
        Put open = CooldownItems.open(table.name(), session, player, window, now);
        try {
            table.call("open cooldown", () -> table.client().putItem(b -> b
                    .tableName(open.tableName())
                    .item(open.item())
                    .conditionExpression(open.conditionExpression())
                    .expressionAttributeNames(open.expressionAttributeNames())
                    .expressionAttributeValues(open.expressionAttributeValues())
                    .returnValuesOnConditionCheckFailure(open.returnValuesOnConditionCheckFailureAsString())));
            return Optional.empty();
        } catch (ConditionalCheckFailedException blocked) {
            return Optional.of(CooldownItems.windowOf(blocked.item()));
        }
    }

    /** One batch write for the whole team: a broadcast to many players must not cost one request each. */
    @Override
    public void restart(SessionId session, Collection<PlayerId> players, CooldownWindow window) {
        table.batch().putAll(players.stream()
                .map(player -> CooldownItems.item(session, player, window))
                .toList());
    }
}
