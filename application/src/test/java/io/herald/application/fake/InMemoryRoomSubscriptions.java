package io.herald.application.fake;

import io.herald.application.port.ConnectionGateway;
import io.herald.application.port.RoomSubscriptions;
import io.herald.domain.ConnectionId;
import io.herald.domain.RoomId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Subscriptions in a map; a started subscription's first pushes go through the gateway, as a Lambda's would. It
 * holds nothing back: tests of ordering during a replay belong to the server's own subscriptions.
 */
public final class InMemoryRoomSubscriptions implements RoomSubscriptions {
    private final ConnectionGateway gateway;
    private final Map<RoomId, Set<ConnectionId>> subscribers = new LinkedHashMap<>();

    public InMemoryRoomSubscriptions(ConnectionGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public synchronized Subscription open(ConnectionId connection, RoomId room) {
        subscribers.computeIfAbsent(room, r -> new LinkedHashSet<>()).add(connection);
        return (first, through) -> first.forEach(push -> gateway.push(connection, push));
    }

    @Override
    public synchronized List<ConnectionId> subscribers(RoomId room) {
        return new ArrayList<>(subscribers.getOrDefault(room, Set.of()));
    }

    @Override
    public synchronized boolean close(ConnectionId connection, RoomId room) {
        Set<ConnectionId> in = subscribers.get(room);
        return in != null && in.remove(connection);
    }
}
