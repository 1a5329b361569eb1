package io.herald.application.port;

import io.herald.domain.ConnectionId;

/** Pushes a frame to one connection, wherever it lives, and says whether that connection is gone for good. */
public interface ConnectionGateway {

    PushResult push(ConnectionId connection, Push push);

    enum PushResult {
        SENT,
        /** The connection no longer exists (closed socket, API Gateway 410): forget it. */
        GONE,
        /** This push did not go through; the connection may still be there and catch-up still owes the message. */
        FAILED
    }
}
