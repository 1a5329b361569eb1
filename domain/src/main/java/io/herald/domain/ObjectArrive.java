package io.herald.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A player arrived at a game object (a place); arrivals of the whole team can trigger a broadcast. */
public record ObjectArrive(SessionId session, PlayerId player, ObjectId objectId, Instant at) implements GameEvent {
    public ObjectArrive {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public EventType type() {
        return EventType.OBJECT_ARRIVE;
    }

    @Override
    public EventId id() {
        return EventId.deterministic(type().wireName(),
                List.of(session.value(), type().wireName(), player.value(), objectId.value()));
    }

    @Override
    public Optional<PlayerId> actor() {
        return Optional.of(player);
    }

    @Override
    public List<RuntimeDelta> derivedDeltas() {
        return List.of(new RuntimeDelta(DeltaType.OBJECT_ARRIVED,
                Map.of("playerId", player.value(), "objectId", objectId.value()), at));
    }
}
