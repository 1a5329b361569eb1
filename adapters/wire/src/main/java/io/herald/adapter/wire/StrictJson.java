package io.herald.adapter.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * How client JSON is read, bodies and frames alike. Decimals are read exactly, so a number no double holds is seen
 * and refused instead of arriving as Infinity or 0; a duplicated key or trailing text is refused rather than read one
 * way here and another way by whatever sits in front.
 */
public final class StrictJson {
    private StrictJson() {
    }

    public static ObjectReader reader(ObjectMapper mapper) {
        return mapper.reader()
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    /** The text as a JSON object, or empty when it is not JSON, not strict JSON, or not an object. */
    public static Optional<ObjectNode> object(ObjectReader reader, String text) {
        try {
            return reader.readTree(text) instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** For callers that need the node whatever it is (a frame decoder answers a non-object differently). */
    public static Optional<JsonNode> tree(ObjectReader reader, String text) {
        try {
            return Optional.ofNullable(reader.readTree(text));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
