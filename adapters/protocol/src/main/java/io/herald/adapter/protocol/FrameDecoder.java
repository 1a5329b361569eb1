package io.herald.adapter.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.herald.domain.Ack;
import io.herald.domain.CharacterId;
import io.herald.domain.ClientMessageId;
import io.herald.domain.InboxKey;
import io.herald.domain.NotificationId;
import io.herald.domain.PlayerId;
import io.herald.domain.PlayerState;
import io.herald.domain.RoomId;
import io.herald.domain.RoomPosition;
import io.herald.domain.SessionId;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Client → server text to a validated {@link Inbound}, or to the precise reason it is refused. */
public final class FrameDecoder {
    private static final Set<String> ENVELOPE = Set.of("type", "ref", "sessionId", "playerId");

    private final ObjectReader json;

    /**
     * Decimals are read exactly, so a number no double holds is seen and refused instead of arriving as Infinity or
     * 0; a duplicated key or trailing text is refused rather than read one way here and another way elsewhere.
     */
    public FrameDecoder(ObjectMapper json) {
        this.json = json.reader()
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    public sealed interface Decoded {
        Optional<String> ref();
    }

    public record Valid(Inbound frame, Optional<String> ref) implements Decoded {
    }

    public record Invalid(ProtocolError error, String detail, Optional<String> ref) implements Decoded {
    }

    /** Thrown inside decoding only, to leave a deeply nested check with its verdict. */
    private static final class Refusal extends RuntimeException {
        private final ProtocolError error;

        Refusal(ProtocolError error, String detail) {
            super(detail, null, false, false);
            this.error = error;
        }
    }

    public Decoded decode(String text) {
        if (text == null) {
            return new Invalid(ProtocolError.INVALID_JSON, ProtocolError.INVALID_JSON.message(), Optional.empty());
        }
        if (text.length() > Frames.MAX_INBOUND_BYTES || text.getBytes(StandardCharsets.UTF_8).length > Frames.MAX_INBOUND_BYTES) {
            return new Invalid(ProtocolError.FRAME_TOO_LARGE, ProtocolError.FRAME_TOO_LARGE.message(), Optional.empty());
        }
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            return new Invalid(ProtocolError.INVALID_JSON, ProtocolError.INVALID_JSON.message(), Optional.empty());
        }
        if (node == null || !node.isObject()) {
            return new Invalid(ProtocolError.INVALID_JSON, ProtocolError.INVALID_JSON.message(), Optional.empty());
        }
        Optional<String> ref = Optional.ofNullable(node.get("ref")).filter(JsonNode::isTextual).map(JsonNode::asText)
                .map(r -> r.length() > 64 ? r.substring(0, 64) : r);
        try {
            return new Valid(frame(node), ref);
        } catch (Refusal refusal) {
            return new Invalid(refusal.error, refusal.getMessage(), ref);
        }
    }

    private Inbound frame(JsonNode node) {
        String type = text(node, "type");
        return switch (type) {
            case "join_session" -> new Inbound.Join(id(node, "sessionId", SessionId::new),
                    Optional.of(id(node, "playerId", PlayerId::new)));
            case "join" -> new Inbound.Join(id(node, "sessionId", SessionId::new), Optional.empty());
            case "ai_message_delivered" -> acknowledge(node, Ack.DELIVERED);
            case "ai_message_read" -> acknowledge(node, Ack.READ);
            case "player_state_update" -> new Inbound.StateUpdate(state(node));
            case "ping" -> new Inbound.Ping();
            case "room_subscribe" -> new Inbound.SubscribeRoom(id(node, "roomId", RoomId::new),
                    node.hasNonNull("since") ? Optional.of(position(node.get("since"), "since")) : Optional.empty());
            case "room_unsubscribe" -> new Inbound.UnsubscribeRoom(id(node, "roomId", RoomId::new));
            case "room_send" -> new Inbound.SendToRoom(id(node, "roomId", RoomId::new), text(node, "text"),
                    node.hasNonNull("clientMessageId")
                            ? Optional.of(id(node, "clientMessageId", ClientMessageId::new))
                            : Optional.empty());
            case "notification_read" -> new Inbound.MarkNotification(
                    id(node, "notificationId", NotificationId::new), false);
            case "notification_dismiss" -> new Inbound.MarkNotification(
                    id(node, "notificationId", NotificationId::new), true);
            case "notifications_read_all" -> new Inbound.ReadAllNotifications();
            case "voice_start" -> new Inbound.StartVoice(optionalId(node, "format").orElse("opus"),
                    node.hasNonNull("sampleRate") ? (int) wholeIn(node, "sampleRate", 8_000, 48_000) : 48_000);
            case "voice_data" -> new Inbound.VoiceData(wholeIn(node, "seq", 0, Long.MAX_VALUE), base64(node, "data"));
            case "voice_end" -> new Inbound.EndVoice();
            case "text_message" -> new Inbound.TextToCharacter(id(node, "characterId", CharacterId::new),
                    text(node, "text"));
            case "room_read" -> new Inbound.MarkRoomRead(id(node, "roomId", RoomId::new), position(node, ""));
            default -> throw new Refusal(ProtocolError.UNKNOWN_TYPE, "unknown frame type '" + shorten(type) + "'");
        };
    }

    private Inbound acknowledge(JsonNode node, Ack ack) {
        return new Inbound.Acknowledge(id(node, "sessionId", SessionId::new), id(node, "sk", InboxKey::parse), ack);
    }

    private static PlayerState state(JsonNode node) {
        JsonNode source = node.has("state") ? node.get("state") : node;
        if (!source.isObject()) {
            throw new Refusal(ProtocolError.INVALID_FIELD, "'state' must be an object");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        source.properties().forEach(entry -> {
            if (source == node && ENVELOPE.contains(entry.getKey())) {
                return;
            }
            JsonNode value = entry.getValue();
            if (value.isTextual()) {
                fields.put(entry.getKey(), value.asText());
            } else if (value.isBoolean()) {
                fields.put(entry.getKey(), value.asBoolean());
            } else if (value.isNumber()) {
                String field = (source == node ? "" : "state.") + shorten(entry.getKey());
                fields.put(entry.getKey(), exactNumber(value, field));
            } else {
                throw new Refusal(ProtocolError.INVALID_FIELD, "state field '" + shorten(entry.getKey())
                        + "' must be text, a number or a boolean");
            }
        });
        try {
            return new PlayerState(fields);
        } catch (IllegalArgumentException e) {
            throw new Refusal(ProtocolError.INVALID_FIELD, e.getMessage());
        }
    }

    /**
     * A number as the value it really is (a long when whole, else a double), or refused with {@code invalid_number}
     * when neither holds it: beyond ±2^63, or past a double's range (it would arrive as Infinity or 0).
     */
    private static Number exactNumber(JsonNode value, String field) {
        if (value.isIntegralNumber()) {
            if (!value.canConvertToLong()) {
                throw new Refusal(ProtocolError.INVALID_NUMBER,
                        "'" + field + "' is a whole number outside the range of a 64-bit integer");
            }
            return value.longValue();
        }
        BigDecimal exact = value.decimalValue();
        double approximate = exact.doubleValue();
        if (Double.isInfinite(approximate) || Double.isNaN(approximate) || approximate == 0 && exact.signum() != 0) {
            throw new Refusal(ProtocolError.INVALID_NUMBER, "'" + field + "' is a number outside the range of a double");
        }
        return approximate;
    }

    private static Optional<String> optionalId(JsonNode node, String field) {
        if (!node.hasNonNull(field)) {
            return Optional.empty();
        }
        String value = text(node, field);
        if (value.isBlank() || value.length() > 32 || !value.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c)
                || c == '-' || c == '_' || c == '.'))) {
            throw new Refusal(ProtocolError.INVALID_FIELD, "'" + field + "' is 1 to 32 letters, digits, '-', '_' or '.'");
        }
        return Optional.of(value);
    }

    private static long wholeIn(JsonNode node, String field, long min, long max) {
        long value = whole(node, field, "");
        if (value < min || value > max) {
            throw new Refusal(ProtocolError.INVALID_FIELD, "'" + field + "' must be from " + min + " to " + max);
        }
        return value;
    }

    /** Base64 text, checked to decode; an over-long one is left for the voice rules to refuse by its code. */
    private static String base64(JsonNode node, String field) {
        String value = text(node, field);
        try {
            java.util.Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new Refusal(ProtocolError.INVALID_FIELD, "'" + field + "' must be base64");
        }
        return value;
    }

    /** {@code {offset, epoch}}: whole numbers, the offset never negative. */
    private static RoomPosition position(JsonNode node, String field) {
        String prefix = field.isEmpty() ? "" : field + ".";
        if (!node.isObject()) {
            throw new Refusal(ProtocolError.INVALID_FIELD, "'" + field + "' must be an object {offset, epoch}");
        }
        long offset = whole(node, "offset", prefix);
        long epoch = whole(node, "epoch", prefix);
        if (offset < 0) {
            throw new Refusal(ProtocolError.INVALID_FIELD, "'" + prefix + "offset' must not be negative");
        }
        return new RoomPosition(offset, epoch);
    }

    private static long whole(JsonNode node, String field, String prefix) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new Refusal(ProtocolError.MISSING_FIELD, "'" + prefix + field + "' is required");
        }
        if (!value.isIntegralNumber()) {
            throw new Refusal(ProtocolError.INVALID_FIELD, "'" + prefix + field + "' must be a whole number");
        }
        if (!value.canConvertToLong()) {
            throw new Refusal(ProtocolError.INVALID_NUMBER,
                    "'" + prefix + field + "' is a whole number outside the range of a 64-bit integer");
        }
        return value.longValue();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new Refusal(ProtocolError.MISSING_FIELD, "'" + field + "' is required");
        }
        if (!value.isTextual()) {
            throw new Refusal(ProtocolError.INVALID_FIELD, "'" + field + "' must be a string");
        }
        return value.asText();
    }

    private static <T> T id(JsonNode node, String field, Function<String, T> parse) {
        String value = text(node, field);
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new Refusal(ProtocolError.INVALID_FIELD, "'" + field + "': " + e.getMessage());
        }
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
