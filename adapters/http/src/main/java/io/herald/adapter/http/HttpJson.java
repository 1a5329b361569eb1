package io.herald.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.domain.Message;
import io.herald.domain.RuntimeDelta;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * JSON in and out of the controllers, by hand: every field name is the seeds', and a body that is not what it
 * should be becomes a 400 with a precise code instead of whatever a binder would answer.
 */
final class HttpJson {
    private static final ObjectMapper JSON = new ObjectMapper();
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
            JsonNode node = JSON.readTree(body);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // answered below, the same as any body that is not an object
        }
        throw ApiException.badRequest("invalid_json", "the request body must be a JSON object");
    }

    static String text(ObjectNode body, String field) {
        return optionalText(body, field)
                .orElseThrow(() -> ApiException.badRequest("missing_field", "'" + field + "' is required"));
    }

    static Optional<String> optionalText(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest("invalid_field", "'" + field + "' must be a string");
        }
        return Optional.of(value.asText());
    }

    /** Parses a field with a domain constructor; its validation message becomes the client's error message. */
    static <T> T parsed(String field, String value, Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_field", "'" + field + "': " + e.getMessage());
        }
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

    static ObjectNode delta(RuntimeDelta delta) {
        ObjectNode node = object().put("type", delta.type().name());
        delta.fields().forEach((name, value) -> node.set(name, JSON.valueToTree(value)));
        return node.put("timestamp", timestamp(delta.timestamp()));
    }

    static MutableHttpResponse<String> ok(ObjectNode body) {
        return HttpResponse.ok(body.put("success", true).toString()).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    static MutableHttpResponse<String> error(HttpStatus status, String code, String message) {
        return HttpResponse.<String>status(status)
                .body(object().put("success", false).put("code", code).put("message", message).toString())
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    static Map<String, Object> scalars(ObjectNode node, java.util.Set<String> skip) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        node.properties().forEach(entry -> {
            if (skip.contains(entry.getKey())) {
                return;
            }
            JsonNode value = entry.getValue();
            if (value.isTextual()) {
                fields.put(entry.getKey(), value.asText());
            } else if (value.isBoolean()) {
                fields.put(entry.getKey(), value.asBoolean());
            } else if (value.isIntegralNumber()) {
                fields.put(entry.getKey(), value.asLong());
            } else if (value.isNumber()) {
                fields.put(entry.getKey(), value.asDouble());
            } else {
                throw ApiException.badRequest("invalid_field", "'" + entry.getKey() + "' must be text, a number or a boolean");
            }
        });
        return fields;
    }
}
