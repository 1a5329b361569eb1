package io.herald.adapter.dynamodb;

import static io.herald.adapter.dynamodb.DynamoDbTable.key;
import static io.herald.adapter.dynamodb.DynamoDbTable.s;

import io.herald.application.port.CooldownEffect;
import io.herald.application.port.EventClaim;
import io.herald.application.port.MessagePage;
import io.herald.application.port.MessageStore;
import io.herald.application.port.PageRequest;
import io.herald.application.port.Settlement;
import io.herald.domain.Ack;
import io.herald.domain.CooldownWindow;
import io.herald.domain.EventId;
import io.herald.domain.InboxKey;
import io.herald.domain.Message;
import io.herald.domain.OutgoingMessage;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The message store on the single table. Idempotency lives on a claim item per event ({@code event#{id}}).
 *
 * <p>The short way ({@link #settle}) writes that item as done, the cooldown and every copy in one transaction
 * whose condition is that the claim item does not exist yet. The long way takes the claim with a conditional
 * update and, for a message that fits one transaction, writes the copies and the claim's end together; a larger
 * one records the chosen message on the claim before any copy is written and marks it done after the last, so a
 * processor that takes over finishes the very same message.
 */
public final class DynamoDbMessageStore implements MessageStore {
    private static final String STATUS = "claimStatus";
    private static final String HOLDER = "holder";
    private static final String LEASE_UNTIL = "leaseUntil";
    private static final String DRAFT = "draft";
    private static final String PENDING = "pending";
    private static final String DONE = "done";
    /** Holders of claims written by a one-step settle; the suffix is unique per attempt, so a lost answer is recognised. */
    private static final String SETTLED = "settled-";

    private final DynamoDbTable table;
    private final Duration lease;
    private final boolean combineWrites;

    /**
     * @param lease how long a claim is exclusive; a processor that has not finished by then is presumed dead. Keep it
     *              well above the table's write deadline so a slow but live processor is not overtaken.
     */
    public DynamoDbMessageStore(DynamoDbTable table, Duration lease) {
        this(table, lease, false);
    }

    /**
     * @param combineWrites commit concurrent acks together as transactions: fewer requests, but a transactional write
     *                    costs DynamoDB twice the capacity of a plain one, so it suits the embedded store, not AWS
     */
    public DynamoDbMessageStore(DynamoDbTable table, Duration lease, boolean combineWrites) {
        this.table = table;
        this.lease = lease;
        this.combineWrites = combineWrites;
    }

    @Override
    public Settlement settle(OutgoingMessage message, CooldownEffect cooldown, Instant now) {
        EventId event = message.trigger().eventId();
        SessionId session = message.session();
        List<TransactWriteItem> cooldownItems = switch (cooldown) {
            case CooldownEffect.None none -> List.of();
            case CooldownEffect.Open open -> List.of(TransactWriteItem.builder()
                    .put(CooldownItems.open(table.name(), session, open.player(), open.window(), now)).build());
            case CooldownEffect.Restart restart -> restart.players().stream()
                    .map(player -> TransactWriteItem.builder()
                            .put(CooldownItems.restart(table.name(), session, player, restart.window())).build())
                    .toList();
        };
        if (1 + cooldownItems.size() + message.recipients().size() > DynamoDbTable.MAX_TRANSACTION_ITEMS) {
            return new Settlement.NotInOneStep(event);
        }
        String holder = SETTLED + UUID.randomUUID();
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(settledClaim(session, event, holder, now)
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", TableLayout.PK))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build()).build());
        items.addAll(cooldownItems);
        message.fanOut().forEach(copy -> items.add(TransactWriteItem.builder()
                .put(p -> p.tableName(table.name()).item(MessageItems.toItem(copy))).build()));
        return switch (table.transact(items)) {
            case Transaction.Committed committed -> new Settlement.Stored(message);
            case Transaction.Refused refused when refused.failed(0) ->
                    settledBefore(event, holder, refused.itemAt(0), message);
            case Transaction.Refused refused when cooldown instanceof CooldownEffect.Open && refused.failed(1) ->
                    finishCoolingDown(session, event, now, CooldownItems.windowOf(refused.itemAt(1)));
            case Transaction.Refused refused -> throw new IllegalStateException(
                    "settling " + event + " was refused for an unexpected reason: " + refused.reasons());
        };
    }

    /** The claim item exists: written by this very attempt (its answer was lost), finished, or held or half-done. */
    private static Settlement settledBefore(EventId event, String holder, Map<String, AttributeValue> claim,
            OutgoingMessage message) {
        if (holder.equals(text(claim, HOLDER))) {
            return new Settlement.Stored(message);
        }
        return DONE.equals(text(claim, STATUS)) ? new Settlement.AlreadyDone(event) : new Settlement.NotInOneStep(event);
    }

    /** Another event's window runs: the event ends here without a message, so a retry of it is a duplicate. */
    private Settlement finishCoolingDown(SessionId session, EventId event, Instant now, CooldownWindow blocking) {
        Put done = settledClaim(session, event, SETTLED + UUID.randomUUID(), now)
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", TableLayout.PK))
                .build();
        try {
            table.call("finish " + event, () -> table.client().putItem(b -> b.tableName(done.tableName())
                    .item(done.item()).conditionExpression(done.conditionExpression())
                    .expressionAttributeNames(done.expressionAttributeNames())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
            return new Settlement.CoolingDown(blocking);
        } catch (ConditionalCheckFailedException raced) {
            return DONE.equals(text(raced.item(), STATUS)) ? new Settlement.AlreadyDone(event)
                    : new Settlement.NotInOneStep(event);
        }
    }

    private Put.Builder settledClaim(SessionId session, EventId event, String holder, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(claimKey(session, event));
        item.put(STATUS, s(DONE));
        item.put(HOLDER, s(holder));
        item.put(LEASE_UNTIL, s(Timestamps.format(now)));
        item.put(TableLayout.TTL, DynamoDbTable.n(Timestamps.ttl(now.plus(Message.RETENTION))));
        return Put.builder().tableName(table.name()).item(item);
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }

    @Override
    public EventClaim claim(SessionId session, EventId event, Instant now) {
        String holder = UUID.randomUUID().toString();
        Instant leaseUntil = now.plus(lease);
        try {
            UpdateItemResponse granted = table.call("claim " + event, () -> table.client().updateItem(b -> b
                    .tableName(table.name())
                    .key(claimKey(session, event))
                    .updateExpression("SET #status = :pending, #holder = :holder, #lease = :lease, #ttl = :ttl")
                    .conditionExpression("attribute_not_exists(#pk) OR (#status = :pending AND #lease <= :now)")
                    .expressionAttributeNames(Map.of("#status", STATUS, "#holder", HOLDER, "#lease", LEASE_UNTIL,
                            "#ttl", TableLayout.TTL, "#pk", TableLayout.PK))
                    .expressionAttributeValues(Map.of(":pending", s(PENDING), ":holder", s(holder),
                            ":lease", s(Timestamps.format(leaseUntil)), ":now", s(Timestamps.format(now)),
                            ":ttl", DynamoDbTable.n(Timestamps.ttl(now.plus(Message.RETENTION)))))
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
            return granted(session, event, granted.attributes());
        } catch (ConditionalCheckFailedException refused) {
            Map<String, AttributeValue> current = refused.item();
            if (holder.equals(current.get(HOLDER).s()) && PENDING.equals(current.get(STATUS).s())) {
                // Our own update went through but its answer was lost, and the retry ran into it.
                return granted(session, event, current);
            }
            if (DONE.equals(current.get(STATUS).s())) {
                return new EventClaim.AlreadyDone(event);
            }
            return new EventClaim.HeldElsewhere(event, MessageItems.instant(current, LEASE_UNTIL));
        }
    }

    private static EventClaim.Granted granted(SessionId session, EventId event, Map<String, AttributeValue> claim) {
        Optional<OutgoingMessage> pending = Optional.ofNullable(claim.get(DRAFT)).map(MessageItems::fromDraft);
        return new EventClaim.Granted(session, event, new EventClaim.Holder(claim.get(HOLDER).s()), MessageItems.instant(claim, LEASE_UNTIL),
                pending);
    }

    @Override
    public void save(EventClaim.Granted claim, OutgoingMessage message) {
        if (!claim.resumed() && 1 + message.recipients().size() <= DynamoDbTable.MAX_TRANSACTION_ITEMS) {
            saveInOneStep(claim, message);
            return;
        }
        updateHeldClaim(claim, "SET #draft = :draft", Map.of("#draft", DRAFT), Map.of(":draft", MessageItems.draft(message)));
        List<Map<String, AttributeValue>> items = message.fanOut().stream().map(MessageItems::toItem).toList();
        if (claim.resumed()) {
            items.forEach(this::putIfAbsent);
        } else {
            table.batch().putAll(items);
        }
        markDone(claim, "REMOVE #draft", Map.of("#draft", DRAFT));
    }

    /** No copy can exist yet (the claim is fresh), so the copies and the claim's end are one write. */
    private void saveInOneStep(EventClaim.Granted claim, OutgoingMessage message) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().update(u -> u
                .tableName(table.name())
                .key(claimKey(claim.session(), claim.event()))
                .updateExpression("SET #status = :done REMOVE #draft")
                .conditionExpression("#holder = :holder")
                .expressionAttributeNames(Map.of("#status", STATUS, "#draft", DRAFT, "#holder", HOLDER))
                .expressionAttributeValues(Map.of(":done", s(DONE), ":holder", s(claim.holder().value())))).build());
        message.fanOut().forEach(copy -> items.add(TransactWriteItem.builder()
                .put(p -> p.tableName(table.name()).item(MessageItems.toItem(copy))).build()));
        if (table.transact(items) instanceof Transaction.Refused refused) {
            throw new IllegalStateException("claim on " + claim.event() + " is no longer held by " + claim.holder()
                    + ": " + refused.reasons());
        }
    }

    @Override
    public void finishWithoutMessage(EventClaim.Granted claim) {
        markDone(claim, "", Map.of());
    }

    private void markDone(EventClaim.Granted claim, String extra, Map<String, String> names) {
        Map<String, String> allNames = new HashMap<>(names);
        allNames.put("#status", STATUS);
        updateHeldClaim(claim, "SET #status = :done " + extra, allNames, Map.of(":done", s(DONE)));
    }

    /** Updates the claim only while this processor still holds it; a lost claim is a hard error for the caller. */
    private void updateHeldClaim(EventClaim.Granted claim, String update, Map<String, String> names,
            Map<String, AttributeValue> values) {
        Map<String, String> allNames = new HashMap<>(names);
        allNames.put("#holder", HOLDER);
        Map<String, AttributeValue> allValues = new HashMap<>(values);
        allValues.put(":holder", s(claim.holder().value()));
        try {
            table.call("update claim " + claim.event(), () -> table.client().updateItem(b -> b
                    .tableName(table.name())
                    .key(claimKey(claim.session(), claim.event()))
                    .updateExpression(update)
                    .conditionExpression("#holder = :holder")
                    .expressionAttributeNames(allNames)
                    .expressionAttributeValues(allValues)));
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("claim on " + claim.event() + " is no longer held by " + claim.holder(), e);
        }
    }

    private void putIfAbsent(Map<String, AttributeValue> item) {
        try {
            table.call("put copy", () -> table.client().putItem(b -> b
                    .tableName(table.name())
                    .item(item)
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", TableLayout.PK))));
        } catch (ConditionalCheckFailedException alreadyWritten) {
            // Written by the processor that died; it may have been delivered or read since, so it stays as it is.
        }
    }

    /**
     * One conditional update: it only moves a live copy forward. Where acks are combined (a store that charges per
     * request, like the embedded one), the update is one item of a combined transaction instead of a request of its own.
     */
    @Override
    public AckResult acknowledge(SessionId session, InboxKey key, Ack ack, Instant at) {
        String alreadyDone = ack == Ack.DELIVERED ? "#deliveredAt" : "#readAt";
        Update update = Update.builder()
                .tableName(table.name())
                .key(key(TableLayout.sessionPartition(session), TableLayout.copySort(key)))
                .updateExpression(switch (ack) {
                    case DELIVERED -> "SET #delivered = :true, #deliveredAt = :at REMOVE #owedpk, #owedsk";
                    case READ -> "SET #delivered = :true, #read = :true, #deliveredAt = if_not_exists(#deliveredAt, :at), "
                            + "#readAt = :at REMOVE #owedpk, #owedsk";
                })
                .conditionExpression("attribute_exists(#pk) AND #expires > :at AND attribute_not_exists(" + alreadyDone + ")")
                .expressionAttributeNames(ackNames(ack))
                .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true), ":at", s(Timestamps.format(at))))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build();
        if (combineWrites) {
            // An ack lost in a crash only brings its message back once more through catch-up (at least once).
            return switch (table.transactUnconfirmed(List.of(TransactWriteItem.builder().update(update).build()))) {
                case Transaction.Committed committed -> AckResult.RECORDED;
                case Transaction.Refused refused -> unchangedOrMissing(refused.itemAt(0), at);
            };
        }
        try {
            table.call("ack " + key, () -> table.client().updateItem(b -> b
                    .tableName(update.tableName())
                    .key(update.key())
                    .updateExpression(update.updateExpression())
                    .conditionExpression(update.conditionExpression())
                    .expressionAttributeNames(update.expressionAttributeNames())
                    .expressionAttributeValues(update.expressionAttributeValues())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
            return AckResult.RECORDED;
        } catch (ConditionalCheckFailedException refused) {
            return unchangedOrMissing(refused.hasItem() ? refused.item() : Map.of(), at);
        }
    }

    private static AckResult unchangedOrMissing(Map<String, AttributeValue> current, Instant at) {
        boolean live = !current.isEmpty() && !MessageItems.fromItem(current).isExpiredAt(at);
        return live ? AckResult.UNCHANGED : AckResult.NOT_FOUND;
    }

    private static Map<String, String> ackNames(Ack ack) {
        Map<String, String> names = new HashMap<>(Map.of("#pk", TableLayout.PK, "#expires", MessageItems.EXPIRES_AT,
                "#delivered", MessageItems.DELIVERED, "#deliveredAt", MessageItems.DELIVERED_AT,
                "#owedpk", TableLayout.OWED_PK, "#owedsk", TableLayout.OWED_SK));
        if (ack == Ack.READ) {
            names.put("#read", MessageItems.READ);
            names.put("#readAt", MessageItems.READ_AT);
        }
        return names;
    }

    @Override
    public Optional<Message> find(SessionId session, InboxKey key, Instant now) {
        return table.get(TableLayout.sessionPartition(session), TableLayout.copySort(key))
                .map(MessageItems::fromItem)
                .filter(m -> !m.isExpiredAt(now));
    }

    /**
     * Reads the sparse "owed" index, so the cost follows what is owed, not what was ever sent. Expired copies are
     * filtered out (TTL deletes late, DynamoDB Local never), so a DynamoDB page may come back empty with a
     * LastEvaluatedKey; reading goes on until the page is full or the index is exhausted.
     */
    @Override
    public MessagePage undelivered(SessionId session, PlayerId player, Instant now, PageRequest page) {
        String owedPartition = TableLayout.playerPartition(session, player);
        Map<String, AttributeValue> startKey = page.cursor().map(c -> OwedCursor.decode(c, session, player)).orElse(null);
        List<Message> found = new ArrayList<>();
        do {
            Map<String, AttributeValue> from = startKey;
            int remaining = page.limit() - found.size();
            QueryResponse response = table.call("query owed", () -> table.client().query(b -> b
                    .tableName(table.name())
                    .indexName(TableLayout.OWED_INDEX)
                    .keyConditionExpression("#owedpk = :player")
                    .filterExpression("#expires > :now")
                    .expressionAttributeNames(Map.of("#owedpk", TableLayout.OWED_PK, "#expires", MessageItems.EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":player", s(owedPartition), ":now", s(Timestamps.format(now))))
                    .scanIndexForward(true)
                    .limit(remaining)
                    .exclusiveStartKey(from)));
            response.items().stream().map(MessageItems::fromItem).filter(m -> !m.isExpiredAt(now)).forEach(found::add);
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (startKey != null && found.size() < page.limit());
        return new MessagePage(found, Optional.ofNullable(startKey).map(OwedCursor::encode));
    }

    private static Map<String, AttributeValue> claimKey(SessionId session, EventId event) {
        return key(TableLayout.sessionPartition(session), TableLayout.eventSort(event));
    }
}
