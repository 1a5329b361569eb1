package io.herald.adapter.eventbridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.herald.domain.EventType;
import io.herald.domain.GameEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the envelopes EventBridge hands a Lambda ({@code version, id, detail-type, source, account, time, region,
 * resources, detail}): a game event published by {@link EventBridgePublisher}, rebuilt with its deterministic id, or
 * a tick of the scheduled rule. Anything else is {@link Invalid} with the reason — a value, never an exception.
 */
public final class EventBridgeEvents {
    static final String SCHEDULE_SOURCE = "aws.events";
    static final String SCHEDULED_EVENT = "Scheduled Event";

    private EventBridgeEvents() {
    }

    /** What an envelope turned out to be. */
    public sealed interface Decoded permits Game, ScheduledTick, Invalid {
    }

    /** A game event, equal to the one published, deterministic id included. */
    public record Game(GameEvent event) implements Decoded {
        public Game {
            Objects.requireNonNull(event, "event");
        }
    }

    /** The schedule fired ({@code source} aws.events, {@code detail-type} Scheduled Event) at {@code at}. */
    public record ScheduledTick(Instant at) implements Decoded {
        public ScheduledTick {
            Objects.requireNonNull(at, "at");
        }
    }

    /** Not an envelope this module can act on; {@code reason} says why, for the log. */
    public record Invalid(String reason) implements Decoded {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The envelope as the JSON text the Lambda received. */
    public static Decoded decode(String envelope) {
        Objects.requireNonNull(envelope, "envelope");
        try {
            return decode(EventDetail.JSON.readTree(envelope));
        } catch (JsonProcessingException e) {
            return new Invalid("the envelope is not JSON: " + e.getOriginalMessage());
        }
    }

    /** The envelope as the runtime already parsed it (a {@code Map<String, Object>} handler input). */
    public static Decoded decode(Map<String, ?> envelope) {
        Objects.requireNonNull(envelope, "envelope");
        JsonNode tree;
        try {
            tree = EventDetail.JSON.valueToTree(envelope);
        } catch (IllegalArgumentException e) {
            return new Invalid("the envelope is not JSON-shaped: " + e.getMessage());
        }
        return decode(tree);
    }

    private static Decoded decode(JsonNode json) {
        if (!json.isObject()) {
            return new Invalid("the envelope is not a JSON object");
        }
        Fields envelope = new Fields(json, "envelope");
        try {
            String detailType = envelope.text("detail-type");
            String source = envelope.text("source");
            Optional<Instant> time = envelope.optionalInstant("time");
            if (SCHEDULE_SOURCE.equals(source) && SCHEDULED_EVENT.equals(detailType)) {
                return new ScheduledTick(time.orElseThrow(() -> envelope.missing("time")));
            }
            EventType type = EventType.fromWireName(detailType).orElseThrow(() -> new IllegalArgumentException(
                    "unknown detail-type \"" + detailType + "\" from source \"" + source + "\""));
            JsonNode detail = envelope.object("detail")
                    .orElseThrow(() -> new IllegalArgumentException("envelope has no \"detail\" object"));
            return EventDetail.fromJson(type, detail, time);
        } catch (IllegalArgumentException e) {
            return new Invalid(e.getMessage());
        }
    }
}
