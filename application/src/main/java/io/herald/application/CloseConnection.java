package io.herald.application;

import io.herald.application.port.ConnectionRegistry;
import io.herald.domain.Connection;
import io.herald.domain.ConnectionId;
import java.util.Optional;

/** Forgets a connection that closed, knowing only its id; closing twice is harmless. */
public final class CloseConnection {
    private final ConnectionRegistry connections;

    public CloseConnection(ConnectionRegistry connections) {
        this.connections = connections;
    }

    public record Command(ConnectionId connection) {
    }

    public Optional<Connection> close(Command command) {
        return connections.remove(command.connection());
    }
}
