package io.herald.application.fake;

import io.herald.application.port.ConnectionRegistry;
import io.herald.application.port.Presence;
import io.herald.domain.Connection;
import io.herald.domain.ConnectionId;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connections in a concurrent map; lookups by player and session filter it, which is fine at test sizes. Presence is
 * what it holds, as it is for a single process.
 */
public final class InMemoryConnectionRegistry implements ConnectionRegistry, Presence {
    private final Map<ConnectionId, Connection> connections = new ConcurrentHashMap<>();

    @Override
    public void save(Connection connection) {
        connections.put(connection.id(), connection);
    }

    @Override
    public Optional<Connection> find(ConnectionId id) {
        return Optional.ofNullable(connections.get(id));
    }

    @Override
    public List<Connection> ofPlayer(SessionId session, PlayerId player) {
        return ofSession(session).stream().filter(c -> c.player().equals(player)).toList();
    }

    @Override
    public List<Connection> ofSession(SessionId session) {
        return connections.values().stream()
                .filter(c -> c.joined() && c.session().equals(session))
                .sorted(java.util.Comparator.comparing(c -> c.id().value()))
                .toList();
    }

    @Override
    public Map<PlayerId, Integer> devicesOnline(SessionId session) {
        Map<PlayerId, Integer> devices = new java.util.HashMap<>();
        ofSession(session).forEach(c -> devices.merge(c.player(), 1, Integer::sum));
        return devices;
    }

    @Override
    public Optional<Connection> remove(ConnectionId id) {
        return Optional.ofNullable(connections.remove(id));
    }
}
