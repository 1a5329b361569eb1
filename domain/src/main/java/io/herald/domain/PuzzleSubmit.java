package io.herald.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A player submitted a puzzle answer. The answer itself never enters Herald, only whether it was correct;
 * attempts after the first add their number to the id so each real attempt is its own event.
 */
public record PuzzleSubmit(SessionId session, PlayerId player, PuzzleId puzzleId, boolean correct, int attempt, Instant at)
        implements GameEvent {
    public PuzzleSubmit {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(puzzleId, "puzzleId");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be 1 or more");
        }
        Objects.requireNonNull(at, "at");
    }

    @Override
    public EventType type() {
        return EventType.PUZZLE_SUBMIT;
    }

    @Override
    public EventId id() {
        List<String> components = new ArrayList<>(List.of(session.value(), type().wireName(), player.value(),
                puzzleId.value()));
        if (attempt > 1) {
            components.add(Integer.toString(attempt));
        }
        return EventId.deterministic(type().wireName(), components);
    }

    @Override
    public Optional<PlayerId> actor() {
        return Optional.of(player);
    }

    @Override
    public List<RuntimeDelta> derivedDeltas() {
        return List.of(new RuntimeDelta(DeltaType.PUZZLE_SUBMITTED,
                Map.of("playerId", player.value(), "puzzleId", puzzleId.value(), "correct", correct, "attempt", attempt),
                at));
    }
}
