package io.herald.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A player completed a timeline node. */
public record NodeComplete(SessionId session, PlayerId player, NodeId nodeId, Instant at) implements GameEvent {
    public NodeComplete {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public EventType type() {
        return EventType.NODE_COMPLETE;
    }

    @Override
    public EventId id() {
        return EventId.deterministic(type().wireName(),
                List.of(session.value(), type().wireName(), player.value(), nodeId.value()));
    }

    @Override
    public Optional<PlayerId> actor() {
        return Optional.of(player);
    }

    @Override
    public List<RuntimeDelta> derivedDeltas() {
        return List.of(new RuntimeDelta(DeltaType.NODE_COMPLETED,
                Map.of("playerId", player.value(), "nodeId", nodeId.value()), at));
    }
}
