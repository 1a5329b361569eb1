package io.herald.application.port;

import io.herald.domain.ConnectionId;

/** Closes a connection from the server's side, where it can: its own sockets on a node, any through API Gateway. */
public interface ConnectionCloser {

    /** Whether this process could close it (a node can close only its own sockets). */
    boolean close(ConnectionId connection);
}
