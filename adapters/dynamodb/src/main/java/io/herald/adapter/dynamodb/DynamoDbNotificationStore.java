package io.herald.adapter.dynamodb;

import static io.herald.adapter.dynamodb.DynamoDbTable.key;
import static io.herald.adapter.dynamodb.DynamoDbTable.s;

import io.herald.application.port.Clock;
import io.herald.application.port.NotificationStore;
import io.herald.application.port.PageCursor;
import io.herald.domain.InvalidIdException;
import io.herald.domain.Member;
import io.herald.domain.Notification;
import io.herald.domain.NotificationId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Notifications on the single table (layout in {@link NotificationItems}), kept for the retention as their TTL. */
public final class DynamoDbNotificationStore implements NotificationStore {
    private final DynamoDbTable table;
    private final Clock clock;
    private final Duration retention;

    public DynamoDbNotificationStore(DynamoDbTable table, Clock clock, Duration retention) {
        this.table = table;
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    public Saved save(Notification notification, Optional<String> idempotencyKey) {
        Instant expiresAt = notification.createdAt().plus(retention);
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(p -> p.tableName(table.name())
                .item(NotificationItems.toItem(notification, expiresAt))).build());
        idempotencyKey.ifPresent(k -> {
            Map<String, AttributeValue> claim = new HashMap<>(key(NotificationItems.partition(notification.recipient()),
                    NotificationItems.KEY_PREFIX + k));
            claim.put(NotificationItems.NOTIFICATION_SK, s(NotificationItems.sort(notification.id())));
            claim.put(TableLayout.TTL, DynamoDbTable.n(Timestamps.ttl(expiresAt)));
            items.add(TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(claim)
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", TableLayout.PK))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build());
        });
        items.add(counter(notification.recipient(), 1));
        return switch (table.transact(items)) {
            case Transaction.Committed committed -> new Saved.Stored(notification);
            case Transaction.Refused refused -> {
                AttributeValue sort = refused.itemAt(1).get(NotificationItems.NOTIFICATION_SK);
                Optional<Map<String, AttributeValue>> original = sort == null ? Optional.empty()
                        : table.get(NotificationItems.partition(notification.recipient()), sort.s());
                yield new Saved.Repeated(original.map(NotificationItems::fromItem).orElseThrow(() ->
                        new IllegalStateException("an idempotency key names a notification that is gone")));
            }
        };
    }

    @Override
    public NotificationPage page(Member recipient, boolean unreadOnly, Optional<PageCursor> cursor, int limit) {
        Optional<NotificationId> after = cursor.map(DynamoDbNotificationStore::idOf);
        QueryRequest.Builder query = unreadOnly ? unreadQuery(recipient) : allQuery(recipient);
        after.ifPresent(id -> query.exclusiveStartKey(unreadOnly
                ? NotificationItems.unreadKey(recipient, id)
                : NotificationItems.key(recipient, id)));
        QueryRequest request = query.scanIndexForward(false).limit(limit + 1).build();
        QueryResponse response = table.call("notifications", () -> table.client().query(request));
        List<Map<String, AttributeValue>> items = response.items();
        boolean more = DynamoDbTable.hasMore(response, limit);
        List<Map<String, AttributeValue>> page = more ? items.subList(0, limit) : items;
        Instant now = clock.now();
        List<Notification> found = page.stream().filter(i -> !NotificationItems.expired(i, now))
                .map(NotificationItems::fromItem).toList();
        Optional<PageCursor> next = more ? Optional.of(new PageCursor(page.getLast().get(NotificationItems.ID).s()))
                : Optional.empty();
        return new NotificationPage(found, next);
    }

    private QueryRequest.Builder allQuery(Member recipient) {
        return QueryRequest.builder().tableName(table.name())
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", TableLayout.PK, "#sk", TableLayout.SK))
                .expressionAttributeValues(Map.of(":pk", s(NotificationItems.partition(recipient)),
                        ":prefix", s(NotificationItems.PREFIX)))
                .consistentRead(true);
    }

    /** The index is read eventually consistently (DynamoDB offers nothing else on a global index). */
    private QueryRequest.Builder unreadQuery(Member recipient) {
        return QueryRequest.builder().tableName(table.name()).indexName(TableLayout.INBOX_INDEX)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", TableLayout.INBOX_PK))
                .expressionAttributeValues(Map.of(":pk", s(NotificationItems.unreadPartition(recipient))));
    }

    /**
     * The counter kept with every change. One that expired unread (its TTL) stays counted until the player marks all
     * read, which sets the counter from the unread index again.
     */
    @Override
    public long unreadCount(Member recipient) {
        return table.get(NotificationItems.partition(recipient), NotificationItems.COUNTER)
                .map(item -> Math.max(0, RoomItems.number(item, NotificationItems.UNREAD))).orElse(0L);
    }

    /** Counting the unread index itself: exact, but it reads every unread one. */
    private long countUnreadIndex(Member recipient) {
        long count = 0;
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder query = unreadQuery(recipient).select(Select.COUNT);
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            QueryRequest request = query.build();
            QueryResponse page = table.call("unread count", () -> table.client().query(request));
            count += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    @Override
    public List<Notification> pressing(Member recipient, int limit) {
        List<Notification> found = new ArrayList<>();
        Instant now = clock.now();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder query = unreadQuery(recipient).scanIndexForward(false);
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            QueryRequest request = query.build();
            QueryResponse page = table.call("pressing notifications", () -> table.client().query(request));
            for (Map<String, AttributeValue> item : page.items()) {
                Notification notification = NotificationItems.fromItem(item);
                if (notification.priority().isPressing() && !NotificationItems.expired(item, now)) {
                    found.add(notification);
                    if (found.size() == limit) {
                        return found;
                    }
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return found;
    }

    /** The unread count of a player, moved in the same transaction as what changes it. */
    private TransactWriteItem counter(Member recipient, int by) {
        return TransactWriteItem.builder().update(u -> u.tableName(table.name())
                .key(key(NotificationItems.partition(recipient), NotificationItems.COUNTER))
                .updateExpression("ADD #unread :by")
                .expressionAttributeNames(Map.of("#unread", NotificationItems.UNREAD))
                .expressionAttributeValues(Map.of(":by", DynamoDbTable.n(Integer.toString(by))))).build();
    }

    @Override
    public Marked markRead(Member recipient, NotificationId id, Instant at) {
        return unreadToRead(recipient, id, "SET #read = :at REMOVE #gpk, #gsk", Map.of("#read", NotificationItems.READ_AT),
                at) ? Marked.MARKED : unchangedOrMissing(recipient, id, at);
    }

    /** Dismissing an unread one also reads it (and counts down); dismissing a read one only dismisses it. */
    @Override
    public Marked dismiss(Member recipient, NotificationId id, Instant at) {
        if (unreadToRead(recipient, id, "SET #dismissed = :at, #read = :at REMOVE #gpk, #gsk",
                Map.of("#read", NotificationItems.READ_AT, "#dismissed", NotificationItems.DISMISSED_AT), at)) {
            return Marked.MARKED;
        }
        try {
            table.call("dismiss " + id, () -> table.client().updateItem(u -> u.tableName(table.name())
                    .key(NotificationItems.key(recipient, id))
                    .updateExpression("SET #dismissed = :at")
                    .conditionExpression("attribute_exists(#pk) AND #expires > :now AND attribute_not_exists(#dismissed)")
                    .expressionAttributeNames(Map.of("#pk", TableLayout.PK, "#expires", TableLayout.TTL,
                            "#dismissed", NotificationItems.DISMISSED_AT))
                    .expressionAttributeValues(Map.of(":at", s(Timestamps.format(at)),
                            ":now", DynamoDbTable.n(Long.toString(at.getEpochSecond()))))));
            return Marked.MARKED;
        } catch (ConditionalCheckFailedException notNow) {
            return unchangedOrMissing(recipient, id, at);
        }
    }

    /** Whether it was unread (and unexpired) and now is read, with the count moved down in the same transaction. */
    private boolean unreadToRead(Member recipient, NotificationId id, String expression, Map<String, String> names,
            Instant at) {
        Map<String, String> allNames = new HashMap<>(names);
        allNames.put("#pk", TableLayout.PK);
        allNames.put("#gpk", TableLayout.INBOX_PK);
        allNames.put("#gsk", TableLayout.INBOX_SK);
        allNames.put("#expires", TableLayout.TTL);
        allNames.putIfAbsent("#read", NotificationItems.READ_AT);
        TransactWriteItem mark = TransactWriteItem.builder().update(u -> u.tableName(table.name())
                .key(NotificationItems.key(recipient, id))
                .updateExpression(expression)
                .conditionExpression("attribute_exists(#pk) AND #expires > :now AND attribute_not_exists(#read)")
                .expressionAttributeNames(allNames)
                .expressionAttributeValues(Map.of(":at", s(Timestamps.format(at)),
                        ":now", DynamoDbTable.n(Long.toString(at.getEpochSecond()))))).build();
        return table.transact(List.of(mark, counter(recipient, -1))) instanceof Transaction.Committed;
    }

    private Marked unchangedOrMissing(Member recipient, NotificationId id, Instant at) {
        return table.get(NotificationItems.partition(recipient), NotificationItems.sort(id))
                .filter(item -> !NotificationItems.expired(item, at))
                .map(item -> Marked.UNCHANGED).orElse(Marked.NOT_FOUND);
    }

    @Override
    public int markAllRead(Member recipient, Instant at) {
        int marked = 0;
        Optional<PageCursor> cursor = Optional.empty();
        do {
            NotificationPage page = page(recipient, true, cursor, 100);
            for (Notification unread : page.notifications()) {
                if (markRead(recipient, unread.id(), at) == Marked.MARKED) {
                    marked++;
                }
            }
            cursor = page.next();
        } while (cursor.isPresent());
        long left = countUnreadIndex(recipient);
        table.call("unread count of " + recipient.player(), () -> table.client().updateItem(u -> u.tableName(table.name())
                .key(key(NotificationItems.partition(recipient), NotificationItems.COUNTER))
                .updateExpression("SET #unread = :left")
                .expressionAttributeNames(Map.of("#unread", NotificationItems.UNREAD))
                .expressionAttributeValues(Map.of(":left", DynamoDbTable.n(Long.toString(left))))));
        return marked;
    }

    private static NotificationId idOf(PageCursor cursor) {
        if (!cursor.value().matches("n\\d{13}-\\S+")) {
            throw PageCursor.notA("notification");
        }
        try {
            return new NotificationId(cursor.value());
        } catch (InvalidIdException e) {
            throw PageCursor.notA("notification");
        }
    }
}
