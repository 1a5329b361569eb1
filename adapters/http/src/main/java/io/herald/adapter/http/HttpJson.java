package io.herald.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.domain.Message;
import io.herald.domain.Notification;
import io.herald.domain.Room;
import io.herald.domain.RoomMessage;
import io.herald.domain.RuntimeDelta;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * JSON in and out of the controllers, by hand: every field name is the seeds', and a body that is not what it
 * should be becomes a 400 with a precise code instead of whatever a binder would answer.
 */
final class HttpJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Decimals are read exactly, so a number too large or too small for a double is seen and refused instead of
     * arriving as Infinity or 0; a duplicated key or trailing text is refused rather than read one way here and
     * another way by whatever sits in front.
     */
    private static final ObjectReader READER = JSON.reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    static final int MAX_BODY_BYTES = 64 * 1024;

    private HttpJson() {
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static ArrayNode array() {
        return JSON.createArrayNode();
    }

    static ObjectNode parseObject(String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("invalid_json", "the request body must be a JSON object");
        }
        if (body.length() > MAX_BODY_BYTES) {
            throw new ApiException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "body_too_large",
                    "the request body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        try {
            JsonNode node = READER.readTree(body);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // answered below, the same as any body that is not an object
        }
        throw ApiException.badRequest("invalid_json", "the request body must be a JSON object");
    }

    static String text(ObjectNode body, String field) {
        return text(body, field, field);
    }

    /** {@code key} of {@code node}, reported as {@code path} (a delta's {@code type} is {@code deltas[2].type}). */
    static String text(ObjectNode node, String key, String path) {
        return optionalText(node, key, path)
                .orElseThrow(() -> ApiException.badField(path, "missing_field", "'" + path + "' is required"));
    }

    static Optional<String> optionalText(ObjectNode body, String field) {
        return optionalText(body, field, field);
    }

    static Optional<String> optionalText(ObjectNode node, String key, String path) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ApiException.badField(path, "invalid_field", "'" + path + "' must be a string");
        }
        return Optional.of(value.asText());
    }

    /** The {@code limit} query parameter of a paged list: {@code fallback} when absent, 1 to {@code max} when given. */
    static int pageSize(Optional<String> limit, int fallback, int max) {
        return parsed("limit", limit.orElse(String.valueOf(fallback)), l -> {
            int n = Integer.parseInt(l.strip());
            if (n < 1 || n > max) {
                throw new IllegalArgumentException("must be 1 to " + max);
            }
            return n;
        });
    }

    /** Parses a field with a domain constructor; its validation message becomes the client's error message. */
    static <T> T parsed(String field, String value, Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badField(field, "invalid_field", "'" + field + "': " + e.getMessage());
        }
    }

    /**
     * A JSON number as the value it really is: a {@link Long} for a whole number, a {@link Double} otherwise. A
     * number no long or double holds (beyond ±2^63, or past a double's range, which would arrive as Infinity or 0)
     * is refused with {@code invalid_number} rather than silently changed.
     */
    static Number exactNumber(JsonNode value, String path) {
        if (value.isIntegralNumber()) {
            if (!value.canConvertToLong()) {
                throw ApiException.badField(path, "invalid_number",
                        "'" + path + "' is a whole number outside the range of a 64-bit integer");
            }
            return value.longValue();
        }
        BigDecimal exact = value.decimalValue();
        double approximate = exact.doubleValue();
        if (Double.isInfinite(approximate) || Double.isNaN(approximate) || approximate == 0 && exact.signum() != 0) {
            throw ApiException.badField(path, "invalid_number",
                    "'" + path + "' is a number outside the range of a double");
        }
        return approximate;
    }

    /** A client's own text (a key) as an error message repeats it: enough to recognise, never the whole body back. */
    static String shortened(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /** A copy as catch-up lists it: the fields of the {@code ai_message} push, so clients handle both alike. */
    static ObjectNode message(Message copy) {
        return object().put("messageId", copy.messageId().value())
                .put("messageType", copy.type().wireName())
                .put("content", copy.content())
                .put("timestamp", timestamp(copy.createdAt()))
                .put("sk", copy.inboxKey().value())
                .put("sessionId", copy.session().value());
    }

    /** A notification as lists and catch-up give it: the fields of the {@code notification} frame. */
    static ObjectNode notification(Notification n) {
        ObjectNode item = object().put("notificationId", n.id().value())
                .put("notificationType", n.type())
                .put("title", n.title())
                .put("message", n.message())
                .put("priority", n.priority().wireName());
        try {
            item.set("metadata", JSON.readTree(n.metadata()));
        } catch (JsonProcessingException e) {
            item.put("metadata", n.metadata());
        }
        n.fromCharacter().ifPresentOrElse(c -> item.put("fromCharacter", c), () -> item.putNull("fromCharacter"));
        item.put("createdAt", timestamp(n.createdAt()));
        n.readAt().ifPresentOrElse(at -> item.put("readAt", timestamp(at)), () -> item.putNull("readAt"));
        n.dismissedAt().ifPresentOrElse(at -> item.put("dismissedAt", timestamp(at)), () -> item.putNull("dismissedAt"));
        return item;
    }

    static ObjectNode room(Room room) {
        return object().put("roomId", room.id().value()).put("name", room.name()).put("guild", room.id().isGuild())
                .put("offset", room.lastOffset()).put("epoch", room.epoch()).put("members", room.members());
    }

    /** A room message as history lists it: the fields of the {@code room_message} frame. */
    static ObjectNode roomMessage(RoomMessage message) {
        return object().put("roomId", message.room().value())
                .put("offset", message.offset())
                .put("epoch", message.epoch())
                .put("messageId", message.id().value())
                .put("senderId", message.sender().player().value())
                .put("senderSessionId", message.sender().session().value())
                .put("text", message.text().value())
                .put("ts", timestamp(message.timestamp()));
    }

    static ObjectNode delta(RuntimeDelta delta) {
        ObjectNode node = object().put("type", delta.type().name());
        delta.fields().forEach((name, value) -> node.set(name, JSON.valueToTree(value)));
        return node.put("timestamp", timestamp(delta.timestamp()));
    }

    static MutableHttpResponse<String> ok(ObjectNode body) {
        return HttpResponse.ok(body.put("success", true).toString()).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    static MutableHttpResponse<String> error(HttpStatus status, String code, String message) {
        return error(status, errorBody(code, message));
    }

    static ObjectNode errorBody(String code, String message) {
        return object().put("success", false).put("code", code).put("message", message);
    }

    static MutableHttpResponse<String> error(HttpStatus status, ObjectNode body) {
        return HttpResponse.<String>status(status).body(body.toString()).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** The scalar fields of {@code node} but {@code skip}, each reported as {@code prefix + name} when refused. */
    static Map<String, Object> scalars(ObjectNode node, Set<String> skip, String prefix) {
        Map<String, Object> fields = new LinkedHashMap<>();
        node.properties().forEach(entry -> {
            if (skip.contains(entry.getKey())) {
                return;
            }
            String path = prefix + shortened(entry.getKey());
            JsonNode value = entry.getValue();
            if (value.isTextual()) {
                fields.put(entry.getKey(), value.asText());
            } else if (value.isBoolean()) {
                fields.put(entry.getKey(), value.asBoolean());
            } else if (value.isNumber()) {
                fields.put(entry.getKey(), exactNumber(value, path));
            } else {
                throw ApiException.badField(path, "invalid_field", "'" + path + "' must be text, a number or a boolean");
            }
        });
        return fields;
    }
}
