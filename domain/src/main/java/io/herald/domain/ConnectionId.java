package io.herald.domain;

/** Identifies one device's live connection (a WebSocket here, an API Gateway connection in Lambda). */
public record ConnectionId(String value) {
    public ConnectionId {
        Ids.require(value, "connection id");
    }

    @Override
    public String toString() {
        return value;
    }
}
