package io.herald.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.domain.DeltaType;
import io.herald.domain.EventType;
import io.herald.domain.GameEvent;
import io.herald.domain.Milestone;
import io.herald.domain.NodeComplete;
import io.herald.domain.ObjectArrive;
import io.herald.domain.PeriodicCheck;
import io.herald.domain.PlayerId;
import io.herald.domain.PuzzleSubmit;
import io.herald.domain.RuntimeDelta;
import io.herald.domain.SessionId;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The body of {@code POST /runtime/events} to a game event and the runtime's own deltas, or a precise 400. */
final class EventRequests {
    static final int MAX_DELTAS = 50;

    private EventRequests() {
    }

    record EventRequest(GameEvent event, Optional<PlayerId> player, Optional<List<RuntimeDelta>> deltas) {
    }

    static EventRequest parse(ObjectNode body, Instant now) {
        SessionId session = HttpJson.parsed("sessionId", HttpJson.text(body, "sessionId"), SessionId::new);
        Optional<PlayerId> player = HttpJson.optionalText(body, "playerId").map(p -> HttpJson.parsed("playerId", p, PlayerId::new));
        String typeName = HttpJson.text(body, "eventType");
        EventType type = EventType.fromWireName(typeName).orElseThrow(() -> ApiException.badRequest("invalid_field",
                "'eventType' must be one of NodeComplete, ObjectArrive, PuzzleSubmit, Milestone, PeriodicCheck"));
        GameEvent event = HttpJson.parsed("eventType", typeName, t -> switch (type) {
            case NODE_COMPLETE -> new NodeComplete(session, required(player), HttpJson.text(body, "nodeId"), now);
            case OBJECT_ARRIVE -> new ObjectArrive(session, required(player), HttpJson.text(body, "objectId"), now);
            case PUZZLE_SUBMIT -> new PuzzleSubmit(session, required(player), HttpJson.text(body, "puzzleId"),
                    bool(body, "correct"), attempt(body), now);
            case MILESTONE -> new Milestone(session, HttpJson.text(body, "objectId"), now);
            case PERIODIC_CHECK -> new PeriodicCheck(session, now);
        });
        return new EventRequest(event, player, deltas(body, now));
    }

    private static PlayerId required(Optional<PlayerId> player) {
        return player.orElseThrow(() -> ApiException.badRequest("missing_field", "'playerId' is required"));
    }

    private static boolean bool(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw ApiException.badRequest("invalid_field", "'" + field + "' must be true or false");
        }
        return value.asBoolean();
    }

    private static int attempt(ObjectNode body) {
        JsonNode value = body.get("attempt");
        if (value == null || value.isNull()) {
            return 1;
        }
        if (!value.isIntegralNumber() || value.asLong() < 1 || value.asLong() > 10_000) {
            throw ApiException.badRequest("invalid_field", "'attempt' must be a whole number from 1");
        }
        return value.asInt();
    }

    private static Optional<List<RuntimeDelta>> deltas(ObjectNode body, Instant now) {
        JsonNode value = body.get("deltas");
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray() || value.size() > MAX_DELTAS) {
            throw ApiException.badRequest("invalid_field", "'deltas' must be an array of at most " + MAX_DELTAS + " objects");
        }
        List<RuntimeDelta> deltas = new ArrayList<>();
        for (JsonNode item : value) {
            if (!(item instanceof ObjectNode delta)) {
                throw ApiException.badRequest("invalid_field", "each delta must be an object");
            }
            String typeName = HttpJson.text(delta, "type");
            DeltaType type = DeltaType.fromName(typeName).orElseThrow(() -> ApiException.badRequest("invalid_field",
                    "unknown delta type '" + typeName + "'"));
            Instant at = HttpJson.optionalText(delta, "timestamp").map(EventRequests::instant).orElse(now);
            deltas.add(HttpJson.parsed("deltas", typeName,
                    t -> new RuntimeDelta(type, HttpJson.scalars(delta, Set.of("type", "timestamp")), at)));
        }
        return Optional.of(deltas);
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_field", "a delta 'timestamp' must be ISO-8601 UTC");
        }
    }
}
