package io.herald.adapter.apigateway;

import io.herald.application.port.Push;
import io.herald.domain.DeltaType;
import io.herald.domain.RuntimeDelta;
import io.herald.domain.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The push and budgets the gateway tests share. */
final class Pushes {
    static final Push NODE_COMPLETED = new Push.RuntimeDeltas(new SessionId("session-123"), List.of(new RuntimeDelta(
            DeltaType.NODE_COMPLETED, Map.of("playerId", "player-456", "nodeId", "node-3"),
            Instant.parse("2026-01-09T10:30:00Z"))));
    static final String NODE_COMPLETED_TEXT = new TestPushFormat().encode(NODE_COMPLETED);

    /** Generous in time, so only the attempt count can end a throttled push. */
    static PushBudget attempts(int attempts) {
        return new PushBudget(attempts, Duration.ofSeconds(30));
    }

    private Pushes() {
    }
}
