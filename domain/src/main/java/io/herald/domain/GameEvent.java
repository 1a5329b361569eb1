package io.herald.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Something that happened in a game session, reported by the game runtime or the schedule. */
public sealed interface GameEvent permits NodeComplete, ObjectArrive, PuzzleSubmit, Milestone, PeriodicCheck {
    SessionId session();

    EventType type();

    /** The deterministic id: the same real event always gets the same one, different events never share it. */
    EventId id();

    /** The player whose action this was; team-level events have none. */
    Optional<PlayerId> actor();

    Instant at();

    /** The state changes other devices of the session need when the runtime sent none of its own. */
    List<RuntimeDelta> derivedDeltas();
}
