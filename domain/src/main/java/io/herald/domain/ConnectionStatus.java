package io.herald.domain;

/** Whether a connection is open, as the connection manager (seed 004) records it. */
public enum ConnectionStatus {
    CONNECTED,
    DISCONNECTED
}
