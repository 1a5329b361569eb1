package io.herald.application.fake;

import io.herald.application.port.ConnectionGateway;
import io.herald.application.port.Push;
import io.herald.domain.ConnectionId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps every push per connection; connections can be declared gone or failing to exercise stale cleanup. */
public final class RecordingGateway implements ConnectionGateway {
    private final ConcurrentHashMap<ConnectionId, List<Push>> received = new ConcurrentHashMap<>();
    private final Set<ConnectionId> gone = ConcurrentHashMap.newKeySet();
    private final Set<ConnectionId> failing = ConcurrentHashMap.newKeySet();

    @Override
    public PushResult push(ConnectionId connection, Push push) {
        if (gone.contains(connection)) {
            return PushResult.GONE;
        }
        if (failing.contains(connection)) {
            return PushResult.FAILED;
        }
        received.computeIfAbsent(connection, c -> java.util.Collections.synchronizedList(new ArrayList<>())).add(push);
        return PushResult.SENT;
    }

    public void goneFor(ConnectionId connection) {
        gone.add(connection);
    }

    public void failingFor(ConnectionId connection) {
        failing.add(connection);
    }

    public List<Push> pushesTo(ConnectionId connection) {
        return List.copyOf(received.getOrDefault(connection, List.of()));
    }

    public <T extends Push> List<T> pushesTo(ConnectionId connection, Class<T> type) {
        return pushesTo(connection).stream().filter(type::isInstance).map(type::cast).toList();
    }

    public int totalPushes() {
        return received.values().stream().mapToInt(List::size).sum();
    }
}
