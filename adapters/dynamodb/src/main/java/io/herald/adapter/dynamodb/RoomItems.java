package io.herald.adapter.dynamodb;

import static io.herald.adapter.dynamodb.DynamoDbTable.n;
import static io.herald.adapter.dynamodb.DynamoDbTable.s;

import io.herald.domain.ClientMessageId;
import io.herald.domain.Member;
import io.herald.domain.Membership;
import io.herald.domain.MessageId;
import io.herald.domain.PlayerId;
import io.herald.domain.Room;
import io.herald.domain.RoomId;
import io.herald.domain.RoomMessage;
import io.herald.domain.RoomPosition;
import io.herald.domain.RoomText;
import io.herald.domain.SessionId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How rooms lie in the table (README: Storage layout): a general room's items in {@code ROOM#{roomId}}, a guild's in
 * {@code GUILD#{guildId}}, each with a head ({@code meta}: name, last offset and timestamp, epoch, member count), its
 * members ({@code MEMBER#…}), its messages ({@code MSG#{timestamp}#{messageId}}) and the client message ids it has
 * seen ({@code CMID#…}). A member's own partition lists its rooms ({@code ROOM#{roomId}}) with its read cursor.
 * Message timestamps in a room only ever grow, so sort-key order is offset order.
 */
final class RoomItems {
    static final String MEMBER_PREFIX = "MEMBER#";
    static final String MESSAGE_PREFIX = "MSG#";
    static final String MEMBERSHIP_PREFIX = "ROOM#";
    static final String NAME = "name";
    static final String LAST_OFFSET = "lastOffset";
    static final String LAST_TS = "lastTs";
    static final String EPOCH = "epoch";
    static final String MEMBERS = "members";
    static final String CREATED_AT = "createdAt";
    static final String OFFSET = "offset";
    static final String SESSION = "sessionId";
    static final String PLAYER = "playerId";
    static final String ROOM = "roomId";
    static final String ID = "messageId";
    static final String TEXT = "text";
    static final String TS = "ts";
    static final String MESSAGE_SK = "messageSk";
    static final String READ_OFFSET = "readOffset";
    static final String READ_EPOCH = "readEpoch";
    static final String JOINED_AT = "joinedAt";

    private RoomItems() {
    }

    static String partition(RoomId room) {
        return room.isGuild() ? room.value() : "ROOM#" + room.value();
    }

    static String memberSort(Member member) {
        return MEMBER_PREFIX + member.session().value() + "#" + member.player().value();
    }

    static String membershipSort(RoomId room) {
        return MEMBERSHIP_PREFIX + room.value();
    }

    /** Thirteen digits of epoch milliseconds hold every instant until the year 2286, and sort as numbers. */
    static String messageSort(long timestampMillis, MessageId id) {
        return MESSAGE_PREFIX + String.format("%013d", timestampMillis) + "#" + id.value();
    }

    static String clientIdSort(Member sender, ClientMessageId id) {
        return "CMID#" + sender.session().value() + "#" + sender.player().value() + "#" + id.value();
    }

    static Map<String, AttributeValue> head(Room room) {
        Map<String, AttributeValue> item = new HashMap<>(DynamoDbTable.key(partition(room.id()), TableLayout.META));
        item.put(ROOM, s(room.id().value()));
        item.put(NAME, s(room.name()));
        item.put(LAST_OFFSET, n(Long.toString(room.lastOffset())));
        item.put(LAST_TS, n("0"));
        item.put(EPOCH, n(Long.toString(room.epoch())));
        item.put(MEMBERS, n(Integer.toString(room.members())));
        item.put(CREATED_AT, s(Timestamps.format(room.createdAt())));
        return item;
    }

    static Room room(Map<String, AttributeValue> item) {
        return new Room(new RoomId(item.get(ROOM).s()), item.get(NAME).s(), number(item, LAST_OFFSET),
                number(item, EPOCH), (int) number(item, MEMBERS), Timestamps.parse(item.get(CREATED_AT).s()));
    }

    static Map<String, AttributeValue> member(RoomId room, Member member, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(DynamoDbTable.key(partition(room), memberSort(member)));
        item.put(SESSION, s(member.session().value()));
        item.put(PLAYER, s(member.player().value()));
        item.put(JOINED_AT, s(Timestamps.format(at)));
        return item;
    }

    static Member memberOf(Map<String, AttributeValue> item) {
        return new Member(new SessionId(item.get(SESSION).s()), new PlayerId(item.get(PLAYER).s()));
    }

    static Map<String, AttributeValue> membership(RoomId room, Member member, RoomPosition read, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(DynamoDbTable.key(
                TableLayout.playerPartition(member.session(), member.player()), membershipSort(room)));
        item.put(ROOM, s(room.value()));
        item.put(SESSION, s(member.session().value()));
        item.put(PLAYER, s(member.player().value()));
        item.put(READ_OFFSET, n(Long.toString(read.offset())));
        item.put(READ_EPOCH, n(Long.toString(read.epoch())));
        item.put(JOINED_AT, s(Timestamps.format(at)));
        return item;
    }

    static Membership membershipOf(Map<String, AttributeValue> item) {
        return new Membership(new RoomId(item.get(ROOM).s()), memberOf(item),
                new RoomPosition(number(item, READ_OFFSET), number(item, READ_EPOCH)),
                Timestamps.parse(item.get(JOINED_AT).s()));
    }

    static Map<String, AttributeValue> message(RoomMessage message, String sort, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(DynamoDbTable.key(partition(message.room()), sort));
        item.put(ROOM, s(message.room().value()));
        item.put(OFFSET, n(Long.toString(message.offset())));
        item.put(EPOCH, n(Long.toString(message.epoch())));
        item.put(ID, s(message.id().value()));
        item.put(SESSION, s(message.sender().session().value()));
        item.put(PLAYER, s(message.sender().player().value()));
        item.put(TEXT, s(message.text().value()));
        item.put(TS, n(Long.toString(message.timestamp().toEpochMilli())));
        item.put(TableLayout.TTL, n(Timestamps.ttl(expiresAt)));
        return item;
    }

    static RoomMessage messageOf(Map<String, AttributeValue> item) {
        return new RoomMessage(new RoomId(item.get(ROOM).s()), number(item, OFFSET), number(item, EPOCH),
                new MessageId(item.get(ID).s()), memberOf(item), new RoomText(item.get(TEXT).s()),
                Instant.ofEpochMilli(number(item, TS)));
    }

    static boolean expired(Map<String, AttributeValue> item, Instant now) {
        AttributeValue ttl = item.get(TableLayout.TTL);
        return ttl != null && Long.parseLong(ttl.n()) <= now.getEpochSecond();
    }

    static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? 0 : Long.parseLong(value.n());
    }
}
