package io.herald.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The scheduled look at a session (every 5 minutes in the seed); each tick is its own event. */
public record PeriodicCheck(SessionId session, Instant at) implements GameEvent {
    public PeriodicCheck {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public EventType type() {
        return EventType.PERIODIC_CHECK;
    }

    @Override
    public EventId id() {
        return EventId.deterministic(type().wireName(),
                List.of(session.value(), type().wireName(), Long.toString(at.getEpochSecond())));
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
