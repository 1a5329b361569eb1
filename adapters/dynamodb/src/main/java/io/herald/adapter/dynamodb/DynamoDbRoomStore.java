package io.herald.adapter.dynamodb;

import static io.herald.adapter.dynamodb.DynamoDbTable.key;
import static io.herald.adapter.dynamodb.DynamoDbTable.n;
import static io.herald.adapter.dynamodb.DynamoDbTable.s;

import io.herald.application.port.Clock;
import io.herald.application.port.PageCursor;
import io.herald.application.port.RoomStore;
import io.herald.domain.Member;
import io.herald.domain.Membership;
import io.herald.domain.Room;
import io.herald.domain.RoomId;
import io.herald.domain.RoomMessage;
import io.herald.domain.RoomPosition;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Rooms on the single table (see {@link RoomItems} for the layout). A message is stored in one transaction that
 * moves the room's head to the next offset on the condition that nobody else did first, writes the message, and,
 * with a client message id, claims that id; so offsets have no gaps and a retried send is stored once. Sends to one
 * room are taken one at a time on this node, which spares the losers of a race their retries; nodes that race each
 * other retry on the head they find.
 */
public final class DynamoDbRoomStore implements RoomStore {
    private static final int MAX_APPEND_ATTEMPTS = 20;
    private static final int LOCK_STRIPES = 256;
    private static final int MAX_CACHED_HEADS = 10_000;

    private final DynamoDbTable table;
    private final Clock clock;
    private final Duration retention;
    private final ReentrantLock[] sendLocks = new ReentrantLock[LOCK_STRIPES];
    /** The head as this node last wrote or read it; a stale one costs a refused transaction, never a wrong offset. */
    private final Map<RoomId, Head> heads = new ConcurrentHashMap<>();

    private record Head(long lastOffset, long lastTs, long epoch) {
    }

    /** @param retention how long a room message is kept (its TTL); a replay that reaches further is not recovered */
    public DynamoDbRoomStore(DynamoDbTable table, Clock clock, Duration retention) {
        this.table = table;
        this.clock = clock;
        this.retention = retention;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            sendLocks[i] = new ReentrantLock();
        }
    }

    @Override
    public Created create(Room room, Optional<Member> creator) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(RoomItems.head(room))
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", TableLayout.PK))).build());
        creator.ifPresent(member -> {
            items.add(put(RoomItems.member(room.id(), member, room.createdAt())));
            items.add(put(RoomItems.membership(room.id(), member, room.head(), room.createdAt())));
        });
        return table.transact(items) instanceof Transaction.Committed ? Created.CREATED : Created.EXISTS;
    }

    @Override
    public Optional<Room> find(RoomId room) {
        return table.get(RoomItems.partition(room), TableLayout.META).map(RoomItems::room);
    }

    @Override
    public Joined join(RoomId room, Member member, int maxMembers, Instant at) {
        Optional<Room> found = find(room);
        if (found.isEmpty()) {
            return Joined.NO_ROOM;
        }
        List<TransactWriteItem> items = List.of(
                TransactWriteItem.builder().update(u -> u.tableName(table.name())
                        .key(key(RoomItems.partition(room), TableLayout.META))
                        .updateExpression("SET #members = #members + :one")
                        .conditionExpression("attribute_exists(#pk) AND #members < :max")
                        .expressionAttributeNames(Map.of("#pk", TableLayout.PK, "#members", RoomItems.MEMBERS))
                        .expressionAttributeValues(Map.of(":one", n("1"), ":max", n(Integer.toString(maxMembers)))))
                        .build(),
                TransactWriteItem.builder().put(p -> p.tableName(table.name())
                        .item(RoomItems.member(room, member, at))
                        .conditionExpression("attribute_not_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", TableLayout.PK))).build(),
                put(RoomItems.membership(room, member, found.get().head(), at)));
        return switch (table.transact(items)) {
            case Transaction.Committed committed -> Joined.JOINED;
            case Transaction.Refused refused when refused.failed(1) -> Joined.ALREADY_MEMBER;
            case Transaction.Refused refused -> find(room).isPresent() ? Joined.FULL : Joined.NO_ROOM;
        };
    }

    @Override
    public boolean leave(RoomId room, Member member) {
        List<TransactWriteItem> items = List.of(
                TransactWriteItem.builder().delete(d -> d.tableName(table.name())
                        .key(key(RoomItems.partition(room), RoomItems.memberSort(member)))
                        .conditionExpression("attribute_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", TableLayout.PK))).build(),
                TransactWriteItem.builder().delete(d -> d.tableName(table.name())
                        .key(key(TableLayout.playerPartition(member.session(), member.player()),
                                RoomItems.membershipSort(room)))).build(),
                TransactWriteItem.builder().update(u -> u.tableName(table.name())
                        .key(key(RoomItems.partition(room), TableLayout.META))
                        .updateExpression("SET #members = #members - :one")
                        .expressionAttributeNames(Map.of("#members", RoomItems.MEMBERS))
                        .expressionAttributeValues(Map.of(":one", n("1")))).build());
        return table.transact(items) instanceof Transaction.Committed;
    }

    @Override
    public Optional<Membership> membership(RoomId room, Member member) {
        return table.get(TableLayout.playerPartition(member.session(), member.player()), RoomItems.membershipSort(room))
                .map(RoomItems::membershipOf);
    }

    @Override
    public List<Member> members(RoomId room, Optional<Member> after, int limit) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table.name())
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", TableLayout.PK, "#sk", TableLayout.SK))
                .expressionAttributeValues(Map.of(":pk", s(RoomItems.partition(room)),
                        ":prefix", s(RoomItems.MEMBER_PREFIX)))
                .consistentRead(true)
                .limit(limit);
        after.ifPresent(last -> query.exclusiveStartKey(key(RoomItems.partition(room), RoomItems.memberSort(last))));
        QueryRequest request = query.build();
        return table.call("members of " + room, () -> table.client().query(request)).items().stream()
                .map(RoomItems::memberOf).toList();
    }

    @Override
    public List<MemberRoom> roomsOf(Member member) {
        List<Membership> memberships = table.queryPrefix(
                TableLayout.playerPartition(member.session(), member.player()), RoomItems.MEMBERSHIP_PREFIX,
                RoomItems::membershipOf);
        Map<RoomId, Room> rooms = new HashMap<>();
        table.getAll(memberships.stream().map(m -> key(RoomItems.partition(m.room()), TableLayout.META)).toList())
                .forEach(item -> {
                    Room room = RoomItems.room(item);
                    rooms.put(room.id(), room);
                });
        return memberships.stream().filter(m -> rooms.containsKey(m.room()))
                .map(m -> new MemberRoom(rooms.get(m.room()), m)).toList();
    }

    @Override
    public Appended append(NewRoomMessage message) {
        ReentrantLock lock = sendLocks[Math.floorMod(message.room().hashCode(), LOCK_STRIPES)];
        lock.lock();
        try {
            return appendAlone(message);
        } finally {
            lock.unlock();
        }
    }

    private Appended appendAlone(NewRoomMessage message) {
        RoomId room = message.room();
        Head head = heads.get(room);
        if (head == null) {
            Optional<Head> read = readHead(room);
            if (read.isEmpty()) {
                return new Appended.NoRoom();
            }
            head = read.get();
        }
        for (int attempt = 0; attempt < MAX_APPEND_ATTEMPTS; attempt++) {
            long offset = head.lastOffset() + 1;
            long ts = Math.max(message.at().toEpochMilli(), head.lastTs() + 1);
            RoomMessage stored = new RoomMessage(room, offset, head.epoch(), message.id(), message.sender(),
                    message.text(), Instant.ofEpochMilli(ts));
            String sort = RoomItems.messageSort(ts, message.id());
            Transaction.Outcome outcome = table.transact(appendItems(message, stored, sort, head));
            if (outcome instanceof Transaction.Committed) {
                remember(room, new Head(offset, ts, head.epoch()));
                return new Appended.Stored(stored);
            }
            Transaction.Refused refused = (Transaction.Refused) outcome;
            if (message.clientMessageId().isPresent() && refused.failed(2)) {
                return repeated(room, refused.itemAt(2));
            }
            heads.remove(room);
            Map<String, AttributeValue> current = refused.itemAt(0);
            if (current.isEmpty()) {
                Optional<Head> read = readHead(room);
                if (read.isEmpty()) {
                    return new Appended.NoRoom();
                }
                head = read.get();
            } else {
                head = headOf(current);
            }
        }
        throw new IllegalStateException("room " + room + " is too busy: no free offset after "
                + MAX_APPEND_ATTEMPTS + " attempts");
    }

    private List<TransactWriteItem> appendItems(NewRoomMessage message, RoomMessage stored, String sort, Head head) {
        Instant expiresAt = message.at().plus(retention);
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().update(u -> u.tableName(table.name())
                .key(key(RoomItems.partition(message.room()), TableLayout.META))
                .updateExpression("SET #last = :next, #ts = :ts")
                .conditionExpression("#last = :prev AND #epoch = :epoch")
                .expressionAttributeNames(Map.of("#last", RoomItems.LAST_OFFSET, "#ts", RoomItems.LAST_TS,
                        "#epoch", RoomItems.EPOCH))
                .expressionAttributeValues(Map.of(":next", n(Long.toString(stored.offset())),
                        ":ts", n(Long.toString(stored.timestamp().toEpochMilli())),
                        ":prev", n(Long.toString(head.lastOffset())), ":epoch", n(Long.toString(head.epoch()))))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build());
        items.add(TransactWriteItem.builder().put(p -> p.tableName(table.name())
                .item(RoomItems.message(stored, sort, expiresAt))).build());
        message.clientMessageId().ifPresent(id -> {
            Map<String, AttributeValue> claim = new HashMap<>(key(RoomItems.partition(message.room()),
                    RoomItems.clientIdSort(message.sender(), id)));
            claim.put(RoomItems.MESSAGE_SK, s(sort));
            claim.put(TableLayout.TTL, n(Timestamps.ttl(expiresAt)));
            items.add(TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(claim)
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", TableLayout.PK))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build());
        });
        return items;
    }

    /** The first send of this client message id: the message it stored, read back by its sort key. */
    private Appended repeated(RoomId room, Map<String, AttributeValue> claim) {
        AttributeValue sort = claim.get(RoomItems.MESSAGE_SK);
        Optional<Map<String, AttributeValue>> original = sort == null
                ? Optional.empty()
                : table.get(RoomItems.partition(room), sort.s());
        return original.<Appended>map(item -> new Appended.Repeated(RoomItems.messageOf(item)))
                .orElseThrow(() -> new IllegalStateException("client message id of " + room
                        + " names a message that is not there (expired?)"));
    }

    private Optional<Head> readHead(RoomId room) {
        return table.get(RoomItems.partition(room), TableLayout.META).map(DynamoDbRoomStore::headOf);
    }

    private static Head headOf(Map<String, AttributeValue> item) {
        return new Head(RoomItems.number(item, RoomItems.LAST_OFFSET), RoomItems.number(item, RoomItems.LAST_TS),
                RoomItems.number(item, RoomItems.EPOCH));
    }

    private void remember(RoomId room, Head head) {
        if (heads.size() >= MAX_CACHED_HEADS) {
            heads.clear();
        }
        heads.put(room, head);
    }

    @Override
    public HistoryPage history(RoomId room, HistoryQuery query) {
        boolean newestFirst = query.after().isEmpty();
        Optional<String> from = query.before().or(query::after).map(DynamoDbRoomStore::sortOf);
        QueryRequest.Builder request = messages(room, !newestFirst).limit(query.limit() + 1);
        from.ifPresent(sort -> request.exclusiveStartKey(key(RoomItems.partition(room), sort)));
        QueryRequest built = request.build();
        QueryResponse response = table.call("history of " + room, () -> table.client().query(built));
        List<Map<String, AttributeValue>> items = response.items();
        boolean more = DynamoDbTable.hasMore(response, query.limit());
        List<Map<String, AttributeValue>> page = more ? items.subList(0, query.limit()) : items;
        Instant now = clock.now();
        List<RoomMessage> messages = page.stream().filter(item -> !RoomItems.expired(item, now))
                .map(RoomItems::messageOf).toList();
        Optional<PageCursor> next = more
                ? Optional.of(cursorOf(page.get(page.size() - 1).get(TableLayout.SK).s()))
                : Optional.empty();
        return new HistoryPage(messages, next);
    }

    /** A room's messages in offset order ({@code forward}) or newest first, read consistently. */
    private QueryRequest.Builder messages(RoomId room, boolean forward) {
        return QueryRequest.builder().tableName(table.name())
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", TableLayout.PK, "#sk", TableLayout.SK))
                .expressionAttributeValues(Map.of(":pk", s(RoomItems.partition(room)), ":prefix", s(RoomItems.MESSAGE_PREFIX)))
                .scanIndexForward(forward)
                .consistentRead(true);
    }

    @Override
    public Replay since(RoomId room, RoomPosition after, int max) {
        Optional<Map<String, AttributeValue>> headItem = table.get(RoomItems.partition(room), TableLayout.META);
        if (headItem.isEmpty()) {
            return new Replay.NoRoom();
        }
        Room head = RoomItems.room(headItem.get());
        long missed = head.lastOffset() - after.offset();
        if (after.epoch() != head.epoch() || missed < 0 || missed > max) {
            return new Replay.TooFar(head.head());
        }
        if (missed == 0) {
            return new Replay.Complete(List.of(), head.head());
        }
        List<RoomMessage> newestFirst = newestAfter(room, after.offset(), head.lastOffset());
        if (newestFirst.size() != missed) {
            return new Replay.TooFar(head.head());
        }
        List<RoomMessage> inOrder = new ArrayList<>(newestFirst);
        Collections.reverse(inOrder);
        return new Replay.Complete(inOrder, head.head());
    }

    /**
     * Offsets {@code (after, through]}, newest first: the room's newest messages read backwards until one at or before
     * {@code after}. Sort-key order is offset order, and anything stored after the head was read is skipped.
     */
    private List<RoomMessage> newestAfter(RoomId room, long after, long through) {
        List<RoomMessage> found = new ArrayList<>();
        Instant now = clock.now();
        Map<String, AttributeValue> startKey = null;
        int pageSize = (int) Math.min(1_000, through - after + 8);
        do {
            QueryRequest.Builder request = messages(room, false).limit(pageSize);
            if (startKey != null) {
                request.exclusiveStartKey(startKey);
            }
            QueryRequest built = request.build();
            QueryResponse page = table.call("replay of " + room, () -> table.client().query(built));
            for (Map<String, AttributeValue> item : page.items()) {
                long offset = RoomItems.number(item, RoomItems.OFFSET);
                if (offset <= after) {
                    return found;
                }
                if (offset <= through && !RoomItems.expired(item, now)) {
                    found.add(RoomItems.messageOf(item));
                }
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return found;
    }

    @Override
    public void markRead(RoomId room, Member member, RoomPosition read) {
        try {
            table.call("read cursor of " + room, () -> table.client().updateItem(u -> u.tableName(table.name())
                    .key(key(TableLayout.playerPartition(member.session(), member.player()),
                            RoomItems.membershipSort(room)))
                    .updateExpression("SET #offset = :offset, #epoch = :epoch")
                    .conditionExpression("attribute_exists(#pk) AND (#epoch <> :epoch OR #offset < :offset)")
                    .expressionAttributeNames(Map.of("#pk", TableLayout.PK, "#offset", RoomItems.READ_OFFSET,
                            "#epoch", RoomItems.READ_EPOCH))
                    .expressionAttributeValues(Map.of(":offset", n(Long.toString(read.offset())),
                            ":epoch", n(Long.toString(read.epoch()))))));
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException notForward) {
            // already read as far, or no longer a member: nothing to move
        }
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(item)).build();
    }

    /** A cursor is the sort key of the last message of a page, opaque to clients. */
    static PageCursor cursorOf(String sort) {
        return new PageCursor(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(sort.getBytes(StandardCharsets.UTF_8)));
    }

    static String sortOf(PageCursor cursor) {
        try {
            String sort = new String(Base64.getUrlDecoder().decode(cursor.value()), StandardCharsets.UTF_8);
            if (!sort.startsWith(RoomItems.MESSAGE_PREFIX) || sort.length() > 200) {
                throw PageCursor.notA("history");
            }
            return sort;
        } catch (IllegalArgumentException notBase64) {
            throw PageCursor.notA("history");
        }
    }
}
