package io.herald.adapter.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads typed fields of an envelope or its detail, or says plainly which one is missing or of the wrong kind: the
 * message of the {@link IllegalArgumentException} is the reason an {@link EventBridgeEvents.Invalid} carries.
 */
final class Fields {
    private final JsonNode node;
    private final String where;

    /** {@code where} names the object in messages: "envelope" or "detail". */
    Fields(JsonNode node, String where) {
        this.node = node;
        this.where = where;
    }

    String text(String field) {
        return optionalText(field).orElseThrow(() -> missing(field));
    }

    Optional<String> optionalText(String field) {
        return present(field).map(value -> {
            if (!value.isTextual()) {
                throw wrong(field, "a string");
            }
            return value.textValue();
        });
    }

    Optional<Instant> optionalInstant(String field) {
        return optionalText(field).map(text -> {
            try {
                return Instant.parse(text);
            } catch (DateTimeException e) {
                throw wrong(field, "an ISO-8601 instant such as 2026-01-09T10:30:00Z, not \"" + text + "\"");
            }
        });
    }

    boolean bool(String field) {
        JsonNode value = present(field).orElseThrow(() -> missing(field));
        if (!value.isBoolean()) {
            throw wrong(field, "true or false");
        }
        return value.booleanValue();
    }

    /** Whole numbers only; 2.0 passes because some runtimes hand every JSON number over as a double. */
    int wholeNumber(String field) {
        JsonNode value = present(field).orElseThrow(() -> missing(field));
        if (!value.isNumber() || !value.canConvertToExactIntegral() || !value.canConvertToInt()) {
            throw wrong(field, "a whole number");
        }
        return value.asInt();
    }

    Optional<JsonNode> object(String field) {
        return present(field).filter(JsonNode::isObject);
    }

    IllegalArgumentException missing(String field) {
        return new IllegalArgumentException(where + " has no \"" + field + "\"");
    }

    private Optional<JsonNode> present(String field) {
        return Optional.ofNullable(node.get(field)).filter(value -> !value.isNull());
    }

    private IllegalArgumentException wrong(String field, String expected) {
        return new IllegalArgumentException(where + " \"" + field + "\" must be " + expected);
    }
}
