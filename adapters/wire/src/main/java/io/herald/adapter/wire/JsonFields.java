package io.herald.adapter.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Typed fields of client JSON, or the precise reason one is refused: its {@link InputFault}, the field as the client
 * should read it ({@code deltas[2].type}) and a message. Each adapter says what a refusal becomes (an HTTP 400, an
 * error frame), so the HTTP API and the WebSocket protocol judge a field alike.
 */
public final class JsonFields {

    /** Makes the adapter's own exception for a refused field. */
    @FunctionalInterface
    public interface Refuse {
        RuntimeException refuse(InputFault fault, String field, String message);
    }

    private final Refuse refuse;

    public JsonFields(Refuse refuse) {
        this.refuse = refuse;
    }

    public RuntimeException refusal(InputFault fault, String field, String message) {
        return refuse.refuse(fault, field, message);
    }

    public String text(JsonNode node, String key) {
        return text(node, key, key);
    }

    /** {@code key} of {@code node}, reported as {@code path}. */
    public String text(JsonNode node, String key, String path) {
        return optionalText(node, key, path)
                .orElseThrow(() -> refuse.refuse(InputFault.MISSING_FIELD, path, "'" + path + "' is required"));
    }

    public Optional<String> optionalText(JsonNode node, String key) {
        return optionalText(node, key, key);
    }

    public Optional<String> optionalText(JsonNode node, String key, String path) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw refuse.refuse(InputFault.INVALID_FIELD, path, "'" + path + "' must be a string");
        }
        return Optional.of(value.asText());
    }

    /** Parses a field with a domain constructor; its validation message becomes the client's error message. */
    public <T> T parsed(String field, String value, Function<String, T> parse) {
        return checked(field, () -> parse.apply(value));
    }

    /** Makes something of a field's value whose constructor may refuse it: the refusal is about {@code field}. */
    public <T> T checked(String field, Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw refuse.refuse(InputFault.INVALID_FIELD, field, "'" + field + "': " + e.getMessage());
        }
    }

    /**
     * A JSON number as the value it really is: a {@link Long} for a whole number, a {@link Double} otherwise. A number
     * no long or double holds (beyond ±2^63, or past a double's range, which would arrive as Infinity or 0) is refused
     * with {@code invalid_number} rather than silently changed.
     */
    public Number exactNumber(JsonNode value, String path) {
        if (value.isIntegralNumber()) {
            if (!value.canConvertToLong()) {
                throw refuse.refuse(InputFault.INVALID_NUMBER, path,
                        "'" + path + "' is a whole number outside the range of a 64-bit integer");
            }
            return value.longValue();
        }
        BigDecimal exact = value.decimalValue();
        double approximate = exact.doubleValue();
        if (Double.isInfinite(approximate) || Double.isNaN(approximate) || approximate == 0 && exact.signum() != 0) {
            throw refuse.refuse(InputFault.INVALID_NUMBER, path, "'" + path + "' is a number outside the range of a double");
        }
        return approximate;
    }

    /** The scalar fields of {@code node} but {@code skip}, each reported as {@code prefix + name} when refused. */
    public Map<String, Object> scalars(ObjectNode node, Set<String> skip, String prefix) {
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
                throw refuse.refuse(InputFault.INVALID_FIELD, path, "'" + path + "' must be text, a number or a boolean");
            }
        });
        return fields;
    }

    /** A client's own text (a key) as an error message repeats it: enough to recognise, never the whole body back. */
    public static String shortened(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
