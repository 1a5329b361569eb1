package io.herald.adapter.eventbridge;

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
import java.util.List;

/** One event of every type, in the seed's session, at an instant with a fraction so that precision is kept. */
final class SampleEvents {
    static final SessionId SESSION = new SessionId("session-123");
    static final PlayerId PLAYER = new PlayerId("player-456");
    static final Instant AT = Instant.parse("2026-01-09T10:30:00.250Z");

    private SampleEvents() {
    }

    static NodeComplete nodeComplete(String nodeId) {
        return new NodeComplete(SESSION, PLAYER, new NodeId(nodeId), AT);
    }

    static ObjectArrive objectArrive() {
        return new ObjectArrive(SESSION, PLAYER, new ObjectId("fountain"), AT);
    }

    static PuzzleSubmit puzzleSubmit() {
        return new PuzzleSubmit(SESSION, PLAYER, new PuzzleId("riddle-1"), false, 2, AT);
    }

    static Milestone milestone() {
        return new Milestone(SESSION, new ObjectId("fountain"), AT);
    }

    static PeriodicCheck periodicCheck() {
        return new PeriodicCheck(SESSION, AT);
    }

    static List<GameEvent> oneOfEach() {
        return List.of(nodeComplete("node-3"), objectArrive(), puzzleSubmit(), milestone(), periodicCheck());
    }
}
