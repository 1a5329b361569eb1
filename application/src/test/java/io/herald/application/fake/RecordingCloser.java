package io.herald.application.fake;

import io.herald.application.port.ConnectionCloser;
import io.herald.domain.ConnectionId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Closes the connections declared its own, and remembers every close it was asked for. */
public final class RecordingCloser implements ConnectionCloser {
    private final Set<ConnectionId> own = ConcurrentHashMap.newKeySet();
    public final List<ConnectionId> closed = new CopyOnWriteArrayList<>();

    public void owns(ConnectionId connection) {
        own.add(connection);
    }

    @Override
    public boolean close(ConnectionId connection) {
        if (own.contains(connection)) {
            closed.add(connection);
            return true;
        }
        return false;
    }
}
