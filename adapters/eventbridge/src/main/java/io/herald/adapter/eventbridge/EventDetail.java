package io.herald.adapter.eventbridge;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.adapter.wire.GameEvents;
import io.herald.domain.EventType;
import io.herald.domain.GameEvent;
import io.herald.domain.Milestone;
import io.herald.domain.NodeComplete;
import io.herald.domain.ObjectArrive;
import io.herald.domain.PeriodicCheck;
import io.herald.domain.PlayerId;
import io.herald.domain.PuzzleSubmit;
import io.herald.domain.SessionId;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code detail} of a published game event, both ways: every field the event is rebuilt from (so the rebuilt event
 * has the same deterministic id), plus the id itself for consumers that only route or log.
 */
final class EventDetail {
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private EventDetail() {
    }

    static String toJson(GameEvent event) {
        ObjectNode detail = JSON.createObjectNode()
                .put("eventId", event.id().value())
                .put("sessionId", event.session().value())
                .put("eventType", event.type().wireName());
        event.actor().ifPresent(player -> detail.put("playerId", player.value()));
        switch (event) {
            case NodeComplete node -> detail.put("nodeId", node.nodeId().value());
            case ObjectArrive arrive -> detail.put("objectId", arrive.objectId().value());
            case PuzzleSubmit puzzle -> detail.put("puzzleId", puzzle.puzzleId().value())
                    .put("correct", puzzle.correct())
                    .put("attempt", puzzle.attempt());
            case Milestone milestone -> detail.put("objectId", milestone.objectId().value());
            case PeriodicCheck check -> {
                // a session and a time are all a periodic check has
            }
        }
        detail.put("occurredAt", event.at().toString());
        return detail.toString();
    }

    /**
     * The event {@code detail} describes, or {@link EventBridgeEvents.Invalid} saying what is missing or wrong.
     * {@code occurredAt} falls back to the envelope's time; an {@code eventId} or {@code eventType} that is present
     * must agree with the rebuilt event, so a detail altered on the way is not taken for another event.
     */
    static EventBridgeEvents.Decoded fromJson(EventType type, JsonNode json, Optional<Instant> envelopeTime) {
        Fields detail = new Fields(json, "detail");
        try {
            GameEvent event = rebuild(type, detail, envelopeTime);
            Optional<String> eventType = detail.optionalText("eventType");
            if (eventType.isPresent() && !eventType.get().equals(type.wireName())) {
                return new EventBridgeEvents.Invalid("detail \"eventType\" " + eventType.get()
                        + " disagrees with detail-type " + type.wireName());
            }
            Optional<String> eventId = detail.optionalText("eventId");
            if (eventId.isPresent() && !eventId.get().equals(event.id().value())) {
                return new EventBridgeEvents.Invalid("detail \"eventId\" " + eventId.get()
                        + " does not match the event's fields, which give " + event.id());
            }
            return new EventBridgeEvents.Game(event);
        } catch (IllegalArgumentException e) {
            // Missing or mistyped fields, and ids the domain refuses (InvalidIdException is one), all end here.
            return new EventBridgeEvents.Invalid(e.getMessage());
        }
    }

    private static GameEvent rebuild(EventType type, Fields detail, Optional<Instant> envelopeTime) {
        SessionId session = new SessionId(detail.text("sessionId"));
        Instant at = detail.optionalInstant("occurredAt").or(() -> envelopeTime)
                .orElseThrow(() -> detail.missing("occurredAt"));
        return GameEvents.of(type, session, at, new DetailFields(detail));
    }

    /** Every field the publisher wrote is required back, exactly: a detail is rebuilt, not filled in. */
    private record DetailFields(Fields detail) implements GameEvents.Fields {
        @Override
        public PlayerId actor() {
            return new PlayerId(detail.text("playerId"));
        }

        @Override
        public String text(String field) {
            return detail.text(field);
        }

        @Override
        public boolean bool(String field) {
            return detail.bool(field);
        }

        @Override
        public int attempt(String field) {
            return detail.wholeNumber(field);
        }
    }
}
