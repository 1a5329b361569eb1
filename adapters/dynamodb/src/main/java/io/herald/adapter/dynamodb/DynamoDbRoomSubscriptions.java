package io.herald.adapter.dynamodb;

import static io.herald.adapter.dynamodb.DynamoDbTable.key;
import static io.herald.adapter.dynamodb.DynamoDbTable.n;
import static io.herald.adapter.dynamodb.DynamoDbTable.s;

import io.herald.application.port.Clock;
import io.herald.application.port.ConnectionGateway;
import io.herald.application.port.Push;
import io.herald.application.port.RoomSubscriptions;
import io.herald.domain.ConnectionId;
import io.herald.domain.RoomId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Room subscriptions where API Gateway holds the sockets (the Lambda shape): one item in the room's partition
 * ({@code SUB#{connectionId}}) to find the subscribers, one in the connection's ({@code SUB#{roomId}}) so a
 * connection's subscriptions can be found from its id; both expire with the connection's TTL. A Lambda keeps no
 * live pushes back while it replays: a message said during a replay may also arrive live, before or after it, and
 * clients put room messages in order by offset and drop one they already have.
 */
public final class DynamoDbRoomSubscriptions implements RoomSubscriptions {
    static final String SUBSCRIPTION_PREFIX = "SUB#";

    private final DynamoDbTable table;
    private final ConnectionGateway gateway;
    private final Clock clock;

    public DynamoDbRoomSubscriptions(DynamoDbTable table, ConnectionGateway gateway, Clock clock) {
        this.table = table;
        this.gateway = gateway;
        this.clock = clock;
    }

    @Override
    public Subscription open(ConnectionId connection, RoomId room) {
        String expiresAt = Timestamps.ttl(clock.now().plus(TableLayout.CONNECTION_TTL));
        table.transact(List.of(put(roomSide(room, connection), expiresAt), put(connectionSide(room, connection), expiresAt)));
        return (first, through) -> first.forEach(push -> gateway.push(connection, push));
    }

    @Override
    public List<ConnectionId> subscribers(RoomId room) {
        return table.queryPrefix(RoomItems.partition(room), SUBSCRIPTION_PREFIX,
                item -> new ConnectionId(item.get(TableLayout.SK).s().substring(SUBSCRIPTION_PREFIX.length())));
    }

    @Override
    public boolean close(ConnectionId connection, RoomId room) {
        boolean was = table.get(RoomItems.partition(room), SUBSCRIPTION_PREFIX + connection.value()).isPresent();
        table.transact(List.of(
                TransactWriteItem.builder().delete(d -> d.tableName(table.name()).key(roomSide(room, connection))).build(),
                TransactWriteItem.builder().delete(d -> d.tableName(table.name()).key(connectionSide(room, connection)))
                        .build()));
        return was;
    }

    private static Map<String, AttributeValue> roomSide(RoomId room, ConnectionId connection) {
        return key(RoomItems.partition(room), SUBSCRIPTION_PREFIX + connection.value());
    }

    private static Map<String, AttributeValue> connectionSide(RoomId room, ConnectionId connection) {
        return key(TableLayout.connectionPartition(connection), SUBSCRIPTION_PREFIX + room.value());
    }

    private TransactWriteItem put(Map<String, AttributeValue> key, String expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put(TableLayout.TTL, n(expiresAt));
        item.put(RoomItems.ROOM, s(key.get(TableLayout.PK).s()));
        return TransactWriteItem.builder().put(p -> p.tableName(table.name()).item(item)).build();
    }
}
