package io.herald.adapter.dynamodb;

import static io.herald.adapter.dynamodb.DynamoDbTable.key;
import static io.herald.adapter.dynamodb.DynamoDbTable.s;

import io.herald.application.spi.PendingEvents;
import io.herald.domain.GameEvent;
import io.herald.domain.Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Held events, one item each under a few fixed partitions ({@code PENDING#{n}}, sort key {@code {session}#{event}}):
 * a node that restarts or survives reads those few partitions to find what a dead node accepted and never finished.
 * Few partitions keep that read bounded; more than one spreads the writes. Only in-flight events live here.
 */
public final class DynamoDbPendingEvents implements PendingEvents {
    static final int PARTITIONS = 8;

    private final DynamoDbTable table;
    private final boolean combineWrites;

    /** @param combineWrites hold and release as items of combined transactions (the embedded store's way) */
    public DynamoDbPendingEvents(DynamoDbTable table, boolean combineWrites) {
        this.table = table;
        this.combineWrites = combineWrites;
    }

    @Override
    public void hold(GameEvent event, Instant acceptedAt) {
        Map<String, AttributeValue> item = new HashMap<>(keyOf(event));
        item.putAll(PendingEventItems.fields(event, acceptedAt));
        item.put(TableLayout.TTL, DynamoDbTable.n(Timestamps.ttl(acceptedAt.plus(Message.RETENTION))));
        Put put = Put.builder().tableName(table.name()).item(item)
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", TableLayout.PK))
                .build();
        if (combineWrites) {
            // Refused means held already, with its first acceptance time: nothing to do.
            table.transact(List.of(TransactWriteItem.builder().put(put).build()));
            return;
        }
        try {
            table.call("hold " + event.id(), () -> table.client().putItem(b -> b.tableName(put.tableName())
                    .item(put.item()).conditionExpression(put.conditionExpression())
                    .expressionAttributeNames(put.expressionAttributeNames())));
        } catch (ConditionalCheckFailedException heldAlready) {
            // The first acceptance stands: a retried event is no newer than the original.
        }
    }

    @Override
    public void release(GameEvent event) {
        Delete delete = Delete.builder().tableName(table.name()).key(keyOf(event)).build();
        if (combineWrites) {
            // A release lost in a crash only means the event is orchestrated again, which changes nothing.
            table.transactUnconfirmed(List.of(TransactWriteItem.builder().delete(delete).build()));
        } else {
            table.call("release " + event.id(), () -> table.client().deleteItem(b -> b.tableName(delete.tableName())
                    .key(delete.key())));
        }
    }

    @Override
    public List<GameEvent> heldSince(Instant acceptedBefore, int limit) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            String pk = TableLayout.pendingPartition(partition);
            Map<String, AttributeValue> startKey = null;
            do {
                Map<String, AttributeValue> from = startKey;
                QueryResponse page = table.call("held events", () -> table.client().query(b -> b
                        .tableName(table.name())
                        .keyConditionExpression("#pk = :pk")
                        .filterExpression("#accepted < :before")
                        .expressionAttributeNames(Map.of("#pk", TableLayout.PK, "#accepted", PendingEventItems.ACCEPTED_AT))
                        .expressionAttributeValues(Map.of(":pk", s(pk), ":before", s(Timestamps.format(acceptedBefore))))
                        .consistentRead(true)
                        .exclusiveStartKey(from)));
                found.addAll(page.items());
                startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (startKey != null);
        }
        return found.stream()
                .sorted(Comparator.comparing(item -> item.get(PendingEventItems.ACCEPTED_AT).s()))
                .limit(limit)
                .map(PendingEventItems::event)
                .toList();
    }

    private static Map<String, AttributeValue> keyOf(GameEvent event) {
        String sort = event.session().value() + "#" + event.id().value();
        return key(TableLayout.pendingPartition(Math.floorMod(sort.hashCode(), PARTITIONS)), sort);
    }
}
