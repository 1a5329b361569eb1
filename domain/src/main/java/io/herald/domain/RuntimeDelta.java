package io.herald.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One state change sent to the other devices of a session. Its fields are the delta's own (playerId, nodeId,
 * objectId, progress counts…); values are limited to text, numbers and booleans so every shape can carry them.
 */
public record RuntimeDelta(DeltaType type, Map<String, Object> fields, Instant timestamp) {
    public RuntimeDelta {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timestamp, "timestamp");
        fields = Scalars.require(fields, "a delta");
        if (fields.containsKey("type") || fields.containsKey("timestamp")) {
            throw new IllegalArgumentException("delta fields 'type' and 'timestamp' are reserved");
        }
    }
}
