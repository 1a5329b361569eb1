package io.herald.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.adapter.wire.GameEvents;
import io.herald.domain.DeltaType;
import io.herald.domain.EventType;
import io.herald.domain.GameEvent;
import io.herald.domain.PlayerId;
import io.herald.domain.RuntimeDelta;
import io.herald.domain.SessionId;
import io.micronaut.http.HttpStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The body of {@code POST /runtime/events} to a game event and the runtime's own deltas, or a precise 4xx. A delta
 * speaks for a player: a player's token only for its own, the service key for anyone; its time is the server's.
 */
final class EventRequests {
    static final int MAX_DELTAS = 50;
    private static final String PLAYER = "playerId";
    /** A client's {@code timestamp} is dropped: deltas carry the server's clock, whatever a device's says. */
    private static final Set<String> NOT_COPIED = Set.of("type", "timestamp", PLAYER);

    private EventRequests() {
    }

    record EventRequest(GameEvent event, Optional<PlayerId> player, Optional<List<RuntimeDelta>> deltas) {
    }

    static EventRequest parse(ObjectNode body, Instant now, Callers.Caller caller) {
        SessionId session = HttpJson.parsed("sessionId", HttpJson.text(body, "sessionId"), SessionId::new);
        Optional<PlayerId> player = HttpJson.optionalText(body, PLAYER).map(p -> HttpJson.parsed(PLAYER, p, PlayerId::new));
        String typeName = HttpJson.text(body, "eventType");
        EventType type = EventType.fromWireName(typeName).orElseThrow(() -> ApiException.badField("eventType", "invalid_field",
                "'eventType' must be one of NodeComplete, ObjectArrive, PuzzleSubmit, Milestone, PeriodicCheck"));
        GameEvent event = GameEvents.of(type, session, now, new BodyFields(body, player));
        return new EventRequest(event, player, deltas(body, now, speaker(caller, player)));
    }

    /**
     * An event's fields as this API judges them: {@code correct} defaults to false and {@code attempt} to 1, and each
     * reference is validated under its own name (its constructor is the only part that can still refuse it).
     */
    private record BodyFields(ObjectNode body, Optional<PlayerId> player) implements GameEvents.Fields {
        @Override
        public PlayerId actor() {
            return required(player);
        }

        @Override
        public String text(String field) {
            return HttpJson.text(body, field);
        }

        @Override
        public boolean bool(String field) {
            return EventRequests.bool(body, field);
        }

        @Override
        public int attempt(String field) {
            return EventRequests.attempt(body);
        }

        @Override
        public GameEvent checked(String field, Supplier<GameEvent> make) {
            return HttpJson.FIELDS.checked(field, make);
        }
    }

    /** Whom a delta without its own {@code playerId} is about, and whether it may name anyone else. */
    private record Speaker(Optional<PlayerId> self, boolean mayNameOthers) {
    }

    private static Speaker speaker(Callers.Caller caller, Optional<PlayerId> eventPlayer) {
        return switch (caller) {
            case Callers.Player p -> new Speaker(Optional.of(p.identity().player()), false);
            case Callers.Service s -> new Speaker(eventPlayer, true);
        };
    }

    private static PlayerId required(Optional<PlayerId> player) {
        return player.orElseThrow(() -> ApiException.badField(PLAYER, "missing_field", "'playerId' is required"));
    }

    private static boolean bool(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw ApiException.badField(field, "invalid_field", "'" + field + "' must be true or false");
        }
        return value.asBoolean();
    }

    private static int attempt(ObjectNode body) {
        JsonNode value = body.get("attempt");
        if (value == null || value.isNull()) {
            return 1;
        }
        if (!value.isNumber() || !(HttpJson.exactNumber(value, "attempt") instanceof Long attempt)
                || attempt < 1 || attempt > 10_000) {
            throw ApiException.badField("attempt", "invalid_field", "'attempt' must be a whole number from 1 to 10000");
        }
        return attempt.intValue();
    }

    private static Optional<List<RuntimeDelta>> deltas(ObjectNode body, Instant now, Speaker speaker) {
        JsonNode value = body.get("deltas");
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray() || value.size() > MAX_DELTAS) {
            throw ApiException.badField("deltas", "invalid_field",
                    "'deltas' must be an array of at most " + MAX_DELTAS + " objects");
        }
        List<RuntimeDelta> deltas = new ArrayList<>();
        for (int index = 0; index < value.size(); index++) {
            String path = "deltas[" + index + "]";
            if (!(value.get(index) instanceof ObjectNode delta)) {
                throw ApiException.badField(path, "invalid_field", "'" + path + "' must be an object");
            }
            String typeName = HttpJson.text(delta, "type", path + ".type");
            DeltaType type = DeltaType.fromName(typeName).orElseThrow(() -> ApiException.badField(path + ".type",
                    "invalid_field", "'" + path + ".type' names no delta type: '" + HttpJson.shortened(typeName) + "'"));
            Map<String, Object> fields = new LinkedHashMap<>();
            about(delta, path, speaker).ifPresent(player -> fields.put(PLAYER, player.value()));
            fields.putAll(HttpJson.scalars(delta, NOT_COPIED, path + "."));
            deltas.add(HttpJson.parsed(path, typeName, t -> new RuntimeDelta(type, fields, now)));
        }
        return Optional.of(deltas);
    }

    /** The player a delta is about: its own {@code playerId} when the caller may name it, else the speaker's. */
    private static Optional<PlayerId> about(ObjectNode delta, String path, Speaker speaker) {
        String field = path + "." + PLAYER;
        Optional<PlayerId> named = HttpJson.optionalText(delta, PLAYER, field)
                .map(p -> HttpJson.parsed(field, p, PlayerId::new));
        if (named.isEmpty()) {
            return speaker.self();
        }
        if (!speaker.mayNameOthers() && !named.equals(speaker.self())) {
            throw ApiException.aboutField(HttpStatus.FORBIDDEN, field, "delta_player_mismatch",
                    "'" + field + "' names another player; a player's token may only report its own deltas");
        }
        return named;
    }
}
