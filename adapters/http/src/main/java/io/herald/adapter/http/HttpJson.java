package io.herald.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.adapter.wire.DomainJson;
import io.herald.adapter.wire.InputFault;
import io.herald.adapter.wire.JsonFields;
import io.herald.adapter.wire.StrictJson;
import io.herald.domain.RuntimeDelta;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * JSON in and out of the controllers: every field name is the seeds', and a body that is not what it should be becomes
 * a 400 with a precise code and field instead of whatever a binder would answer. Fields are judged by the wire
 * module's {@link JsonFields}, as the WebSocket protocol judges them; a refusal is an {@link ApiException}.
 */
final class HttpJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectReader READER = StrictJson.reader(JSON);
    static final JsonFields FIELDS = new JsonFields(
            (fault, field, message) -> ApiException.badField(field, fault.code(), message));
    static final int MAX_BODY_BYTES = 64 * 1024;

    private HttpJson() {
    }

    static ObjectNode parseObject(String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest(InputFault.INVALID_JSON.code(), "the request body must be a JSON object");
        }
        if (body.length() > MAX_BODY_BYTES) {
            throw new ApiException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, InputFault.BODY_TOO_LARGE.code(),
                    "the request body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        return StrictJson.object(READER, body).orElseThrow(() -> ApiException.badRequest(InputFault.INVALID_JSON.code(),
                "the request body must be a JSON object"));
    }

    static String text(ObjectNode body, String field) {
        return FIELDS.text(body, field);
    }

    /** {@code key} of {@code node}, reported as {@code path} (a delta's {@code type} is {@code deltas[2].type}). */
    static String text(ObjectNode node, String key, String path) {
        return FIELDS.text(node, key, path);
    }

    static Optional<String> optionalText(ObjectNode body, String field) {
        return FIELDS.optionalText(body, field);
    }

    static Optional<String> optionalText(ObjectNode node, String key, String path) {
        return FIELDS.optionalText(node, key, path);
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
        return FIELDS.parsed(field, value, parse);
    }

    static Number exactNumber(JsonNode value, String path) {
        return FIELDS.exactNumber(value, path);
    }

    static String shortened(String text) {
        return JsonFields.shortened(text);
    }

    static String timestamp(Instant instant) {
        return DomainJson.timestamp(instant);
    }

    static ObjectNode delta(RuntimeDelta delta) {
        return DomainJson.delta(delta);
    }

    /** A typed body, written by Micronaut's JSON mapper. */
    static <T> MutableHttpResponse<T> body(T body) {
        return HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    static MutableHttpResponse<ErrorBody> error(HttpStatus status, ErrorBody body) {
        return HttpResponse.<ErrorBody>status(status).body(body).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** The scalar fields of {@code node} but {@code skip}, each reported as {@code prefix + name} when refused. */
    static Map<String, Object> scalars(ObjectNode node, Set<String> skip, String prefix) {
        return FIELDS.scalars(node, skip, prefix);
    }
}
