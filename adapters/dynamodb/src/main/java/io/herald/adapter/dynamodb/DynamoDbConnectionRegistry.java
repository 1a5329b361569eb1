package io.herald.adapter.dynamodb;

import static io.herald.adapter.dynamodb.DynamoDbTable.key;
import static io.herald.adapter.dynamodb.DynamoDbTable.s;

import io.herald.application.port.ConnectionRegistry;
import io.herald.application.port.Presence;
import io.herald.domain.Connection;
import io.herald.domain.ConnectionId;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Three items per connection (README: Storage layout): by id ({@code CONN#{id}}/meta) so a disconnect that knows only the id
 * can clean up, player side ({@code {session}#{player}}) and session side ({@code SESSION#{session}}) so pushes
 * find a player's devices or a whole session with one query. Every item carries the whole connection.
 */
public final class DynamoDbConnectionRegistry implements ConnectionRegistry, Presence {
    private static final String CONNECTION_ID = "connectionId";
    private static final String SESSION_ID = "sessionId";
    private static final String PLAYER_ID = "playerId";
    private static final String OPENED_AT = "openedAt";
    private static final String JOINED = "joined";

    private final DynamoDbTable table;

    public DynamoDbConnectionRegistry(DynamoDbTable table) {
        this.table = table;
    }

    @Override
    public void save(Connection connection) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        items.add(item(connection, TableLayout.connectionPartition(connection.id()), TableLayout.META));
        if (connection.joined()) {
            String sort = TableLayout.connectionSort(connection.id());
            items.add(item(connection, TableLayout.playerPartition(connection.session(), connection.player()), sort));
            items.add(item(connection, TableLayout.sessionPartition(connection.session()), sort));
        }
        table.batch().putAll(items);
    }

    @Override
    public Optional<Connection> find(ConnectionId id) {
        return table.get(TableLayout.connectionPartition(id), TableLayout.META).map(DynamoDbConnectionRegistry::fromItem);
    }

    @Override
    public List<Connection> ofPlayer(SessionId session, PlayerId player) {
        return connectionsIn(TableLayout.playerPartition(session, player));
    }

    @Override
    public List<Connection> ofSession(SessionId session) {
        return connectionsIn(TableLayout.sessionPartition(session));
    }

    private List<Connection> connectionsIn(String partition) {
        return table.queryPrefix(partition, TableLayout.CONNECTION_PREFIX, DynamoDbConnectionRegistry::fromItem);
    }

    /** The session side of every joined connection, counted by player: one query, whatever node or Lambda asks. */
    @Override
    public Map<PlayerId, Integer> devicesOnline(SessionId session) {
        Map<PlayerId, Integer> devices = new HashMap<>();
        ofSession(session).forEach(connection -> devices.merge(connection.player(), 1, Integer::sum));
        return devices;
    }

    @Override
    public Optional<Connection> remove(ConnectionId id) {
        Optional<Connection> existing = find(id);
        existing.ifPresent(connection -> {
            String sort = TableLayout.connectionSort(id);
            table.batch().deleteAll(List.of(
                    key(TableLayout.playerPartition(connection.session(), connection.player()), sort),
                    key(TableLayout.sessionPartition(connection.session()), sort),
                    key(TableLayout.connectionPartition(id), TableLayout.META)));
        });
        return existing;
    }

    private static Map<String, AttributeValue> item(Connection connection, String pk, String sk) {
        Map<String, AttributeValue> item = new HashMap<>(key(pk, sk));
        item.put(CONNECTION_ID, s(connection.id().value()));
        item.put(SESSION_ID, s(connection.session().value()));
        item.put(PLAYER_ID, s(connection.player().value()));
        item.put(OPENED_AT, s(Timestamps.format(connection.openedAt())));
        item.put(JOINED, AttributeValue.fromBool(connection.joined()));
        item.put(TableLayout.TTL, DynamoDbTable.n(Timestamps.ttl(connection.openedAt().plus(TableLayout.CONNECTION_TTL))));
        return item;
    }

    private static Connection fromItem(Map<String, AttributeValue> item) {
        return new Connection(new ConnectionId(item.get(CONNECTION_ID).s()), new SessionId(item.get(SESSION_ID).s()),
                new PlayerId(item.get(PLAYER_ID).s()), MessageItems.instant(item, OPENED_AT),
                item.get(JOINED).bool() ? Connection.Stage.JOINED : Connection.Stage.OPENED);
    }
}
