package io.herald.adapter.wire;

import io.herald.domain.EventType;
import io.herald.domain.GameEvent;
import io.herald.domain.Milestone;
import io.herald.domain.NodeComplete;
import io.herald.domain.NodeId;
import io.herald.domain.ObjectArrive;
import io.herald.domain.ObjectId;
import io.herald.domain.PeriodicCheck;
import io.herald.domain.PlayerId;
import io.herald.domain.PuzzleId;
import io.herald.domain.PuzzleSubmit;
import io.herald.domain.SessionId;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Which fields each kind of game event is made of, in one place, whether a client posted it or EventBridge carried it
 * back: the two readers differ only in how strict each field is and in what a refusal becomes.
 */
public final class GameEvents {
    private GameEvents() {
    }

    /** The fields of one event as its reader judges them; each throws its reader's refusal. */
    public interface Fields {
        /** The player a player's event is about; refused when absent. */
        PlayerId actor();

        String text(String field);

        boolean bool(String field);

        /** {@code attempt} of a puzzle submission. */
        int attempt(String field);

        /** Builds the event, a refusal of the domain's being about {@code field}: the only reference left to judge. */
        default GameEvent checked(String field, Supplier<GameEvent> make) {
            return make.get();
        }
    }

    public static GameEvent of(EventType type, SessionId session, Instant at, Fields fields) {
        return switch (type) {
            case NODE_COMPLETE -> {
                PlayerId actor = fields.actor();
                String node = fields.text("nodeId");
                yield fields.checked("nodeId", () -> new NodeComplete(session, actor, new NodeId(node), at));
            }
            case OBJECT_ARRIVE -> {
                PlayerId actor = fields.actor();
                String object = fields.text("objectId");
                yield fields.checked("objectId", () -> new ObjectArrive(session, actor, new ObjectId(object), at));
            }
            case PUZZLE_SUBMIT -> {
                PlayerId actor = fields.actor();
                boolean correct = fields.bool("correct");
                int attempt = fields.attempt("attempt");
                String puzzle = fields.text("puzzleId");
                yield fields.checked("puzzleId",
                        () -> new PuzzleSubmit(session, actor, new PuzzleId(puzzle), correct, attempt, at));
            }
            case MILESTONE -> {
                String object = fields.text("objectId");
                yield fields.checked("objectId", () -> new Milestone(session, new ObjectId(object), at));
            }
            case PERIODIC_CHECK -> new PeriodicCheck(session, at);
        };
    }
}
