package io.herald.adapter.dynamodb;

import static io.herald.adapter.dynamodb.DynamoDbTable.key;
import static io.herald.adapter.dynamodb.DynamoDbTable.n;
import static io.herald.adapter.dynamodb.DynamoDbTable.s;

import io.herald.application.port.ConnectionLog;
import io.herald.application.port.PageCursor;
import io.herald.domain.ConnectionId;
import io.herald.domain.ConnectionRecord;
import io.herald.domain.ConnectionStatus;
import io.herald.domain.InvalidIdException;
import io.herald.domain.Member;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
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
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The connection manager's records on the single table: the record itself by id ({@code CONN#{id}} / {@code log}),
 * and three entries naming it, to find it by player ({@code {sessionId}#{playerId}} / {@code connlog#{id}}), by
 * session ({@code SESSION#{sessionId}} / {@code connlog#{id}}) and among all ({@code CONNLOG#{0..7}} / {@code {id}},
 * spread over a few partitions so no one partition takes every write). A record lives a day past its last activity
 * (TTL); its entries a week, and a read skips an entry whose record is gone.
 */
public final class DynamoDbConnectionLog implements ConnectionLog {
    static final String RECORD = "log";
    static final String ENTRY_PREFIX = "connlog#";
    static final int SHARDS = 8;
    private static final Duration ENTRY_TTL = Duration.ofDays(7);
    private static final String ID = "connectionId";
    private static final String SESSION = "sessionId";
    private static final String PLAYER = "playerId";
    private static final String CREATED_AT = "createdAt";
    private static final String LAST_ACTIVITY = "lastActivity";
    private static final String ADDRESS = "clientAddress";
    private static final String USER_AGENT = "userAgent";
    private static final String STATUS = "status";
    private static final String DISCONNECTED_AT = "disconnectedAt";

    private final DynamoDbTable table;

    public DynamoDbConnectionLog(DynamoDbTable table) {
        this.table = table;
    }

    static String shardPartition(ConnectionId id) {
        return "CONNLOG#" + Math.floorMod(id.value().hashCode(), SHARDS);
    }

    private static Map<String, AttributeValue> recordKey(ConnectionId id) {
        return key(TableLayout.connectionPartition(id), RECORD);
    }

    private static List<Map<String, AttributeValue>> entryKeys(ConnectionId id, Member member) {
        return List.of(key(shardPartition(id), id.value()),
                key(TableLayout.playerPartition(member.session(), member.player()), ENTRY_PREFIX + id.value()),
                key(TableLayout.sessionPartition(member.session()), ENTRY_PREFIX + id.value()));
    }

    @Override
    public void opened(ConnectionRecord record) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(toItem(record))).build());
        String entryTtl = Timestamps.ttl(record.createdAt().plus(ENTRY_TTL));
        for (Map<String, AttributeValue> entryKey : entryKeys(record.id(), record.member())) {
            Map<String, AttributeValue> entry = new HashMap<>(entryKey);
            entry.put(ID, s(record.id().value()));
            entry.put(TableLayout.TTL, n(entryTtl));
            items.add(TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(entry)).build());
        }
        table.transact(items);
    }

    private static Map<String, AttributeValue> toItem(ConnectionRecord record) {
        Map<String, AttributeValue> item = new HashMap<>(recordKey(record.id()));
        item.put(ID, s(record.id().value()));
        item.put(SESSION, s(record.member().session().value()));
        item.put(PLAYER, s(record.member().player().value()));
        item.put(CREATED_AT, s(Timestamps.format(record.createdAt())));
        item.put(LAST_ACTIVITY, s(Timestamps.format(record.lastActivity())));
        item.put(ADDRESS, s(record.clientAddress()));
        item.put(USER_AGENT, s(record.userAgent()));
        item.put(STATUS, s(record.status().name()));
        record.disconnectedAt().ifPresent(at -> item.put(DISCONNECTED_AT, s(Timestamps.format(at))));
        item.put(TableLayout.TTL, n(Timestamps.ttl(record.lastActivity().plus(TableLayout.CONNECTION_TTL))));
        return item;
    }

    private static ConnectionRecord fromItem(Map<String, AttributeValue> item) {
        return new ConnectionRecord(new ConnectionId(item.get(ID).s()),
                new Member(new SessionId(item.get(SESSION).s()), new PlayerId(item.get(PLAYER).s())),
                Timestamps.parse(item.get(CREATED_AT).s()), Timestamps.parse(item.get(LAST_ACTIVITY).s()),
                item.get(ADDRESS).s(), item.get(USER_AGENT).s(), ConnectionStatus.valueOf(item.get(STATUS).s()),
                Optional.ofNullable(item.get(DISCONNECTED_AT)).map(v -> Timestamps.parse(v.s())));
    }

    @Override
    public void active(ConnectionId id, Instant at) {
        update(id, "SET #last = :at, #expires = :expires", "#status = :connected",
                Map.of("#last", LAST_ACTIVITY, "#expires", TableLayout.TTL, "#status", STATUS),
                Map.of(":at", s(Timestamps.format(at)), ":connected", s(ConnectionStatus.CONNECTED.name()),
                        ":expires", n(Timestamps.ttl(at.plus(TableLayout.CONNECTION_TTL)))));
    }

    @Override
    public void closed(ConnectionId id, Instant at) {
        update(id, "SET #status = :disconnected, #at = :at, #expires = :expires", "#status = :connected",
                Map.of("#status", STATUS, "#at", DISCONNECTED_AT, "#expires", TableLayout.TTL),
                Map.of(":at", s(Timestamps.format(at)), ":disconnected", s(ConnectionStatus.DISCONNECTED.name()),
                        ":connected", s(ConnectionStatus.CONNECTED.name()),
                        ":expires", n(Timestamps.ttl(at.plus(TableLayout.CONNECTION_TTL)))));
    }

    @Override
    public boolean setStatus(ConnectionId id, ConnectionStatus status, Instant at) {
        return switch (status) {
            case DISCONNECTED -> update(id, "SET #status = :status, #at = if_not_exists(#at, :at)", "",
                    Map.of("#status", STATUS, "#at", DISCONNECTED_AT),
                    Map.of(":status", s(status.name()), ":at", s(Timestamps.format(at))));
            case CONNECTED -> update(id, "SET #status = :status REMOVE #at", "",
                    Map.of("#status", STATUS, "#at", DISCONNECTED_AT), Map.of(":status", s(status.name())));
        };
    }

    /** Whether the record was there and the extra condition held. */
    private boolean update(ConnectionId id, String expression, String condition, Map<String, String> names,
            Map<String, AttributeValue> values) {
        Map<String, String> allNames = new HashMap<>(names);
        allNames.put("#pk", TableLayout.PK);
        String fullCondition = "attribute_exists(#pk)" + (condition.isEmpty() ? "" : " AND " + condition);
        try {
            table.call("connection record " + id, () -> table.client().updateItem(u -> u.tableName(table.name())
                    .key(recordKey(id)).updateExpression(expression).conditionExpression(fullCondition)
                    .expressionAttributeNames(allNames).expressionAttributeValues(values)));
            return true;
        } catch (ConditionalCheckFailedException goneOrClosed) {
            return false;
        }
    }

    @Override
    public Optional<ConnectionRecord> find(ConnectionId id) {
        return table.get(TableLayout.connectionPartition(id), RECORD).map(DynamoDbConnectionLog::fromItem);
    }

    @Override
    public List<ConnectionRecord> ofPlayer(Member member) {
        return recordsNamedIn(TableLayout.playerPartition(member.session(), member.player()), ENTRY_PREFIX);
    }

    @Override
    public List<ConnectionRecord> ofSession(SessionId session) {
        return recordsNamedIn(TableLayout.sessionPartition(session), ENTRY_PREFIX);
    }

    private List<ConnectionRecord> recordsNamedIn(String partition, String prefix) {
        List<ConnectionId> ids = table.queryPrefix(partition, prefix, item -> new ConnectionId(item.get(ID).s()));
        return records(ids);
    }

    private List<ConnectionRecord> records(List<ConnectionId> ids) {
        return table.getAll(ids.stream().map(DynamoDbConnectionLog::recordKey).toList()).stream()
                .map(DynamoDbConnectionLog::fromItem).toList();
    }

    /**
     * The shards are read one after another. The cursor is {@code {shard}} (that shard from its start) or
     * {@code {shard}:{last id}} (that shard after the id).
     */
    @Override
    public RecordPage all(Optional<PageCursor> cursor, int limit) {
        int shard = 0;
        Optional<String> after = Optional.empty();
        if (cursor.isPresent()) {
            String[] parts = cursor.get().value().split(":", 2);
            try {
                shard = Integer.parseInt(parts[0]);
                if (parts.length == 2) {
                    after = Optional.of(new ConnectionId(parts[1]).value());
                }
            } catch (IllegalArgumentException e) {
                throw PageCursor.notA("connection");
            }
            if (shard < 0 || shard >= SHARDS) {
                throw PageCursor.notA("connection");
            }
        }
        List<ConnectionId> ids = new ArrayList<>();
        while (shard < SHARDS) {
            String partition = "CONNLOG#" + shard;
            QueryRequest.Builder query = QueryRequest.builder().tableName(table.name())
                    .keyConditionExpression("#pk = :pk")
                    .expressionAttributeNames(Map.of("#pk", TableLayout.PK))
                    .expressionAttributeValues(Map.of(":pk", s(partition)))
                    .consistentRead(true)
                    .limit(limit - ids.size());
            after.ifPresent(last -> query.exclusiveStartKey(key(partition, last)));
            QueryRequest request = query.build();
            QueryResponse page = table.call("all connections", () -> table.client().query(request));
            page.items().forEach(item -> ids.add(new ConnectionId(item.get(ID).s())));
            boolean more = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty();
            if (ids.size() >= limit) {
                Optional<PageCursor> next = more ? Optional.of(new PageCursor(shard + ":" + ids.getLast().value()))
                        : shard + 1 < SHARDS ? Optional.of(new PageCursor(Integer.toString(shard + 1)))
                        : Optional.empty();
                return new RecordPage(records(ids), next);
            }
            shard++;
            after = Optional.empty();
        }
        return new RecordPage(records(ids), Optional.empty());
    }

    @Override
    public void forget(ConnectionId id) {
        Optional<ConnectionRecord> record = find(id);
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        keys.add(recordKey(id));
        record.ifPresent(r -> keys.addAll(entryKeys(id, r.member())));
        if (record.isEmpty()) {
            keys.add(key(shardPartition(id), id.value()));
        }
        table.batch().deleteAll(keys);
    }
}
