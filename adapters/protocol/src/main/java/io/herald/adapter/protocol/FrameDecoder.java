package io.herald.adapter.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.adapter.wire.InputFault;
import io.herald.adapter.wire.JsonFields;
import io.herald.adapter.wire.StrictJson;
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
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Client → server text to a validated {@link Inbound}, or to the precise reason it is refused. */
public final class FrameDecoder {
    private static final Set<String> ENVELOPE = Set.of("type", "ref", "sessionId", "playerId");

    static final String NOT_AN_OBJECT = "the frame is not a JSON object";
    static final String TOO_LARGE = "the frame is larger than " + Frames.MAX_INBOUND_BYTES + " bytes";
    /** A field's refusal leaves the decoding at once; only the fault and the message go into the error frame. */
    private static final JsonFields FIELDS = new JsonFields((fault, field, message) -> new Refusal(fault, message));

    private final ObjectReader json;

    public FrameDecoder(ObjectMapper json) {
        this.json = StrictJson.reader(json);
    }

    public sealed interface Decoded {
        Optional<String> ref();
    }

    /** {@code type} is the frame's own word for what it is ({@code join_session}, {@code room_send}…). */
    public record Valid(Inbound frame, String type, Optional<String> ref) implements Decoded {
    }

    /** {@code error}'s code goes into the error frame, with {@code detail} as its message. */
    public record Invalid(InputFault error, String detail, Optional<String> ref) implements Decoded {
    }

    /** Thrown inside decoding only, to leave a deeply nested check with its verdict. */
    private static final class Refusal extends RuntimeException {
        private final InputFault error;

        Refusal(InputFault error, String detail) {
            super(detail, null, false, false);
            this.error = error;
        }
    }

    public Decoded decode(String text) {
        if (text == null) {
            return new Invalid(InputFault.INVALID_JSON, NOT_AN_OBJECT, Optional.empty());
        }
        if (text.length() > Frames.MAX_INBOUND_BYTES || text.getBytes(StandardCharsets.UTF_8).length > Frames.MAX_INBOUND_BYTES) {
            return new Invalid(InputFault.FRAME_TOO_LARGE, TOO_LARGE, Optional.empty());
        }
        Optional<ObjectNode> parsed = StrictJson.object(json, text);
        if (parsed.isEmpty()) {
            return new Invalid(InputFault.INVALID_JSON, NOT_AN_OBJECT, Optional.empty());
        }
        ObjectNode node = parsed.get();
        Optional<String> ref = Optional.ofNullable(node.get("ref")).filter(JsonNode::isTextual).map(JsonNode::asText)
                .map(r -> r.length() > 64 ? r.substring(0, 64) : r);
        try {
            Inbound frame = frame(node);
            return new Valid(frame, node.get("type").asText(), ref);
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
            default -> throw new Refusal(InputFault.UNKNOWN_TYPE, "unknown frame type '" + JsonFields.shortened(type) + "'");
        };
    }

    private Inbound acknowledge(JsonNode node, Ack ack) {
        return new Inbound.Acknowledge(id(node, "sessionId", SessionId::new), id(node, "sk", InboxKey::parse), ack);
    }

    /** The state is the frame's own fields but the envelope's, or its {@code state} object when it has one. */
    private static PlayerState state(JsonNode node) {
        JsonNode source = node.has("state") ? node.get("state") : node;
        if (!(source instanceof ObjectNode fields)) {
            throw new Refusal(InputFault.INVALID_FIELD, "'state' must be an object");
        }
        boolean flat = source == node;
        Map<String, Object> values = FIELDS.scalars(fields, flat ? ENVELOPE : Set.of(), flat ? "" : "state.");
        try {
            return new PlayerState(values);
        } catch (IllegalArgumentException e) {
            throw new Refusal(InputFault.INVALID_FIELD, e.getMessage());
        }
    }

    private static Optional<String> optionalId(JsonNode node, String field) {
        if (!node.hasNonNull(field)) {
            return Optional.empty();
        }
        String value = text(node, field);
        if (value.isBlank() || value.length() > 32 || !value.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c)
                || c == '-' || c == '_' || c == '.'))) {
            throw new Refusal(InputFault.INVALID_FIELD, "'" + field + "' is 1 to 32 letters, digits, '-', '_' or '.'");
        }
        return Optional.of(value);
    }

    private static long wholeIn(JsonNode node, String field, long min, long max) {
        long value = whole(node, field, "");
        if (value < min || value > max) {
            throw new Refusal(InputFault.INVALID_FIELD, "'" + field + "' must be from " + min + " to " + max);
        }
        return value;
    }

    /** Base64 text, checked to decode; an over-long one is left for the voice rules to refuse by its code. */
    private static String base64(JsonNode node, String field) {
        String value = text(node, field);
        try {
            java.util.Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new Refusal(InputFault.INVALID_FIELD, "'" + field + "' must be base64");
        }
        return value;
    }

    /** {@code {offset, epoch}}: whole numbers, the offset never negative. */
    private static RoomPosition position(JsonNode node, String field) {
        String prefix = field.isEmpty() ? "" : field + ".";
        if (!node.isObject()) {
            throw new Refusal(InputFault.INVALID_FIELD, "'" + field + "' must be an object {offset, epoch}");
        }
        long offset = whole(node, "offset", prefix);
        long epoch = whole(node, "epoch", prefix);
        if (offset < 0) {
            throw new Refusal(InputFault.INVALID_FIELD, "'" + prefix + "offset' must not be negative");
        }
        return new RoomPosition(offset, epoch);
    }

    private static long whole(JsonNode node, String field, String prefix) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new Refusal(InputFault.MISSING_FIELD, "'" + prefix + field + "' is required");
        }
        if (!value.isIntegralNumber()) {
            throw new Refusal(InputFault.INVALID_FIELD, "'" + prefix + field + "' must be a whole number");
        }
        if (!value.canConvertToLong()) {
            throw new Refusal(InputFault.INVALID_NUMBER,
                    "'" + prefix + field + "' is a whole number outside the range of a 64-bit integer");
        }
        return value.longValue();
    }

    private static String text(JsonNode node, String field) {
        return FIELDS.text(node, field);
    }

    private static <T> T id(JsonNode node, String field, Function<String, T> parse) {
        return FIELDS.parsed(field, text(node, field), parse);
    }
}
