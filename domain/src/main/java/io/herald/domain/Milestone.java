package io.herald.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole team reached an object. Its id has no player component, so every recipient's copy of the
 * broadcast shares it and the broadcast happens once however many arrivals observe the condition.
 */
public record Milestone(SessionId session, ObjectId objectId, Instant at) implements GameEvent {
    public Milestone {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public EventType type() {
        return EventType.MILESTONE;
    }

    @Override
    public EventId id() {
        return EventId.deterministic(type().wireName(), List.of(session.value(), type().wireName(), objectId.value()));
    }

    @Override
    public Optional<PlayerId> actor() {
        return Optional.empty();
    }

    @Override
    public List<RuntimeDelta> derivedDeltas() {
        return List.of();
    }
}
