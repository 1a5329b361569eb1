package io.herald.adapter.dynamodb;

import static io.herald.adapter.dynamodb.DynamoDbTable.s;

import io.herald.domain.Delivery;
import io.herald.domain.EventId;
import io.herald.domain.EventType;
import io.herald.domain.Message;
import io.herald.domain.MessageId;
import io.herald.domain.MessageType;
import io.herald.domain.OutgoingMessage;
import io.herald.domain.PlayerId;
import io.herald.domain.Sender;
import io.herald.domain.SessionId;
import io.herald.domain.Trigger;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Message copies and pending drafts to and from DynamoDB items, with the seed's attribute names where it has them. */
final class MessageItems {
    static final String MESSAGE_ID = "messageId";
    static final String MESSAGE_TYPE = "messageType";
    static final String SESSION_ID = "sessionId";
    static final String RECIPIENT = "targetPlayerId";
    static final String RECIPIENTS = "recipients";
    static final String SENDER = "senderId";
    static final String CONTENT = "content";
    static final String TRIGGER_EVENT_ID = "triggerEventId";
    static final String TRIGGER_EVENT_TYPE = "triggerEventType";
    static final String CREATED_AT = "createdAt";
    static final String EXPIRES_AT = "expiresAtIso";
    static final String DELIVERED = "delivered";
    static final String DELIVERED_AT = "deliveredAt";
    static final String READ = "read";
    static final String READ_AT = "readAt";

    private MessageItems() {
    }

    static Map<String, AttributeValue> toItem(Message copy) {
        Map<String, AttributeValue> item = new HashMap<>();
        String created = Timestamps.format(copy.createdAt());
        String player = TableLayout.playerPartition(copy.session(), copy.recipient());
        item.put(TableLayout.PK, s(TableLayout.sessionPartition(copy.session())));
        item.put(TableLayout.SK, s(TableLayout.copySort(copy.inboxKey())));
        item.put(TableLayout.INBOX_PK, s(player));
        item.put(TableLayout.INBOX_SK, s(created));
        item.put(MESSAGE_ID, s(copy.messageId().value()));
        item.put(MESSAGE_TYPE, s(copy.type().wireName()));
        item.put(SESSION_ID, s(copy.session().value()));
        item.put(RECIPIENT, s(copy.recipient().value()));
        item.put(SENDER, s(copy.sender().value()));
        item.put(CONTENT, s(copy.content()));
        item.put(TRIGGER_EVENT_ID, s(copy.trigger().eventId().value()));
        item.put(TRIGGER_EVENT_TYPE, s(copy.trigger().eventType().wireName()));
        item.put(CREATED_AT, s(created));
        item.put(EXPIRES_AT, s(Timestamps.format(copy.expiresAt())));
        item.put(TableLayout.TTL, DynamoDbTable.n(Timestamps.ttl(copy.expiresAt())));
        item.put(DELIVERED, AttributeValue.fromBool(copy.delivery().isDelivered()));
        item.put(READ, AttributeValue.fromBool(copy.delivery() instanceof Delivery.Read));
        switch (copy.delivery()) {
            case Delivery.Created created1 -> {
                item.put(TableLayout.OWED_PK, s(player));
                item.put(TableLayout.OWED_SK, s(created));
            }
            case Delivery.Delivered delivered -> item.put(DELIVERED_AT, s(Timestamps.format(delivered.deliveredAt())));
            case Delivery.Read read -> {
                item.put(DELIVERED_AT, s(Timestamps.format(read.deliveredAt())));
                item.put(READ_AT, s(Timestamps.format(read.readAt())));
            }
        }
        return item;
    }

    static Message fromItem(Map<String, AttributeValue> item) {
        return new Message(
                new MessageId(text(item, MESSAGE_ID)),
                MessageType.fromWireName(text(item, MESSAGE_TYPE)),
                new SessionId(text(item, SESSION_ID)),
                new PlayerId(text(item, RECIPIENT)),
                new Sender(text(item, SENDER)),
                text(item, CONTENT),
                trigger(item),
                Timestamps.parse(text(item, CREATED_AT)),
                Timestamps.parse(text(item, EXPIRES_AT)),
                delivery(item));
    }

    private static Delivery delivery(Map<String, AttributeValue> item) {
        if (item.containsKey(READ_AT)) {
            return new Delivery.Read(Timestamps.parse(text(item, DELIVERED_AT)), Timestamps.parse(text(item, READ_AT)));
        }
        if (item.containsKey(DELIVERED_AT)) {
            return new Delivery.Delivered(Timestamps.parse(text(item, DELIVERED_AT)));
        }
        return new Delivery.Created();
    }

    /** The message a processor settled on, kept on the event claim so a takeover finishes the very same one. */
    static AttributeValue draft(OutgoingMessage message) {
        Map<String, AttributeValue> draft = new HashMap<>();
        draft.put(MESSAGE_ID, s(message.messageId().value()));
        draft.put(MESSAGE_TYPE, s(message.type().wireName()));
        draft.put(SESSION_ID, s(message.session().value()));
        draft.put(RECIPIENTS, AttributeValue.fromL(message.recipients().stream().map(p -> s(p.value())).toList()));
        draft.put(SENDER, s(message.sender().value()));
        draft.put(CONTENT, s(message.content()));
        draft.put(TRIGGER_EVENT_ID, s(message.trigger().eventId().value()));
        draft.put(TRIGGER_EVENT_TYPE, s(message.trigger().eventType().wireName()));
        draft.put(CREATED_AT, s(Timestamps.format(message.createdAt())));
        return AttributeValue.fromM(draft);
    }

    static OutgoingMessage fromDraft(AttributeValue value) {
        Map<String, AttributeValue> draft = value.m();
        List<PlayerId> recipients = draft.get(RECIPIENTS).l().stream().map(v -> new PlayerId(v.s())).toList();
        return new OutgoingMessage(
                new MessageId(text(draft, MESSAGE_ID)),
                MessageType.fromWireName(text(draft, MESSAGE_TYPE)),
                new SessionId(text(draft, SESSION_ID)),
                recipients,
                new Sender(text(draft, SENDER)),
                text(draft, CONTENT),
                trigger(draft),
                Timestamps.parse(text(draft, CREATED_AT)));
    }

    private static Trigger trigger(Map<String, AttributeValue> item) {
        String type = text(item, TRIGGER_EVENT_TYPE);
        return new Trigger(new EventId(text(item, TRIGGER_EVENT_ID)), EventType.fromWireName(type)
                .orElseThrow(() -> new IllegalStateException("stored item has an unknown event type: " + type)));
    }

    static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.s() == null) {
            throw new IllegalStateException("stored item lacks '" + name + "'");
        }
        return value.s();
    }

    static Instant instant(Map<String, AttributeValue> item, String name) {
        return Timestamps.parse(text(item, name));
    }
}
