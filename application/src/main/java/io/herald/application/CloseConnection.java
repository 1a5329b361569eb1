package io.herald.application;

import io.herald.application.port.Clock;
import io.herald.application.port.ConnectionLog;
import io.herald.application.port.ConnectionRegistry;
import io.herald.domain.Connection;
import io.herald.domain.ConnectionId;
import java.util.Optional;

/** Forgets a connection that closed, knowing only its id; closing twice is harmless. */
public final class CloseConnection {
    private final ConnectionRegistry connections;
    private final ConnectionLog log;
    private final Clock clock;

    public CloseConnection(ConnectionRegistry connections, ConnectionLog log, Clock clock) {
        this.connections = connections;
        this.log = log;
        this.clock = clock;
    }

    public record Command(ConnectionId connection) {
    }

    public Optional<Connection> close(Command command) {
        Optional<Connection> removed = connections.remove(command.connection());
        log.closed(command.connection(), clock.now());
        return removed;
    }
}
