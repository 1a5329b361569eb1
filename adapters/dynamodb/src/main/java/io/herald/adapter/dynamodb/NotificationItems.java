package io.herald.adapter.dynamodb;

import static io.herald.adapter.dynamodb.DynamoDbTable.n;
import static io.herald.adapter.dynamodb.DynamoDbTable.s;

import io.herald.domain.Member;
import io.herald.domain.Notification;
import io.herald.domain.NotificationId;
import io.herald.domain.PlayerId;
import io.herald.domain.Priority;
import io.herald.domain.SessionId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Notifications in the player's own partition ({@code {sessionId}#{playerId}}, sort key {@code NOTIF#{id}}; ids are
 * time-ordered, so the sort key orders by age). While one is unread it is also in the {@code gsi1} index under
 * {@code UNREAD#{sessionId}#{playerId}}: the unread list and count read only what is unread, and an expired one
 * leaves the index with its item. An idempotency key is its own item ({@code NOTIFKEY#{key}}).
 */
final class NotificationItems {
    static final String PREFIX = "NOTIF#";
    static final String KEY_PREFIX = "NOTIFKEY#";
    static final String ID = "notificationId";
    static final String SESSION = "sessionId";
    static final String PLAYER = "playerId";
    static final String TYPE = "notificationType";
    static final String TITLE = "title";
    static final String MESSAGE = "message";
    static final String PRIORITY = "priority";
    static final String METADATA = "metadata";
    static final String FROM_CHARACTER = "fromCharacter";
    static final String CREATED_AT = "createdAt";
    static final String READ_AT = "readAt";
    static final String DISMISSED_AT = "dismissedAt";
    static final String NOTIFICATION_SK = "notificationSk";
    /** The player's unread count, kept with every change ({@code NOTIFCOUNT} in the player's partition). */
    static final String COUNTER = "NOTIFCOUNT";
    static final String UNREAD = "unread";

    private NotificationItems() {
    }

    static String partition(Member member) {
        return TableLayout.playerPartition(member.session(), member.player());
    }

    static String sort(NotificationId id) {
        return PREFIX + id.value();
    }

    static String unreadPartition(Member member) {
        return "UNREAD#" + member.session().value() + "#" + member.player().value();
    }

    static Map<String, AttributeValue> key(Member member, NotificationId id) {
        return DynamoDbTable.key(partition(member), sort(id));
    }

    /** The index key of an unread one, which a page of unread ones starts after. */
    static Map<String, AttributeValue> unreadKey(Member member, NotificationId id) {
        Map<String, AttributeValue> key = new HashMap<>(key(member, id));
        key.put(TableLayout.INBOX_PK, s(unreadPartition(member)));
        key.put(TableLayout.INBOX_SK, s(id.value()));
        return key;
    }

    static Map<String, AttributeValue> toItem(Notification n, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(key(n.recipient(), n.id()));
        item.put(ID, s(n.id().value()));
        item.put(SESSION, s(n.recipient().session().value()));
        item.put(PLAYER, s(n.recipient().player().value()));
        item.put(TYPE, s(n.type()));
        item.put(TITLE, s(n.title()));
        item.put(MESSAGE, s(n.message()));
        item.put(PRIORITY, s(n.priority().wireName()));
        item.put(METADATA, s(n.metadata()));
        n.fromCharacter().ifPresent(c -> item.put(FROM_CHARACTER, s(c)));
        item.put(CREATED_AT, s(Timestamps.format(n.createdAt())));
        n.readAt().ifPresent(at -> item.put(READ_AT, s(Timestamps.format(at))));
        n.dismissedAt().ifPresent(at -> item.put(DISMISSED_AT, s(Timestamps.format(at))));
        if (!n.isRead()) {
            item.put(TableLayout.INBOX_PK, s(unreadPartition(n.recipient())));
            item.put(TableLayout.INBOX_SK, s(n.id().value()));
        }
        item.put(TableLayout.TTL, n(Timestamps.ttl(expiresAt)));
        return item;
    }

    static Notification fromItem(Map<String, AttributeValue> item) {
        return new Notification(new NotificationId(item.get(ID).s()),
                new Member(new SessionId(item.get(SESSION).s()), new PlayerId(item.get(PLAYER).s())),
                item.get(TYPE).s(), item.get(TITLE).s(), item.get(MESSAGE).s(),
                Priority.fromWire(item.get(PRIORITY).s()).orElse(Priority.NORMAL), item.get(METADATA).s(),
                Optional.ofNullable(item.get(FROM_CHARACTER)).map(AttributeValue::s),
                Timestamps.parse(item.get(CREATED_AT).s()), instant(item, READ_AT), instant(item, DISMISSED_AT));
    }

    private static Optional<Instant> instant(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(v -> Timestamps.parse(v.s()));
    }

    static boolean expired(Map<String, AttributeValue> item, Instant now) {
        AttributeValue ttl = item.get(TableLayout.TTL);
        return ttl != null && Long.parseLong(ttl.n()) <= now.getEpochSecond();
    }
}
