package io.herald.adapter.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.domain.SessionId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonFieldsTest {
    private static final ObjectReader STRICT = StrictJson.reader(new ObjectMapper());

    /** What an adapter would make of a refusal, kept whole so each part can be checked. */
    record Refused(InputFault fault, String field, String message) {
    }

    static final class Refusal extends RuntimeException {
        final Refused refused;

        Refusal(InputFault fault, String field, String message) {
            super(message);
            this.refused = new Refused(fault, field, message);
        }
    }

    private final JsonFields fields = new JsonFields(Refusal::new);

    private static ObjectNode json(String text) {
        return StrictJson.object(STRICT, text).orElseThrow();
    }

    private Refused refusalOf(Runnable read) {
        try {
            read.run();
        } catch (Refusal refusal) {
            return refusal.refused;
        }
        throw new AssertionError("nothing was refused");
    }

    @Test
    void text_is_read_and_its_absence_or_kind_is_named() {
        ObjectNode body = json("{\"a\":\"x\",\"n\":1,\"z\":null}");

        assertThat(fields.text(body, "a")).isEqualTo("x");
        assertThat(fields.optionalText(body, "z")).isEmpty();
        assertThat(refusalOf(() -> fields.text(body, "z", "deltas[0].z")))
                .isEqualTo(new Refused(InputFault.MISSING_FIELD, "deltas[0].z", "'deltas[0].z' is required"));
        assertThat(refusalOf(() -> fields.text(body, "n")))
                .isEqualTo(new Refused(InputFault.INVALID_FIELD, "n", "'n' must be a string"));
    }

    @Test
    void a_domain_constructors_refusal_is_about_the_field() {
        assertThat(fields.parsed("sessionId", "s-1", SessionId::new)).isEqualTo(new SessionId("s-1"));
        assertThat(refusalOf(() -> fields.parsed("sessionId", "", SessionId::new)).fault())
                .isEqualTo(InputFault.INVALID_FIELD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775808", "-9223372036854775809", "1e400", "1e-400", "-1e400"})
    void numbers_no_long_or_double_holds_are_refused(String number) {
        ObjectNode body = json("{\"x\":" + number + "}");

        assertThat(refusalOf(() -> fields.exactNumber(body.get("x"), "state.x")))
                .satisfies(r -> assertThat(r.fault()).isEqualTo(InputFault.INVALID_NUMBER))
                .satisfies(r -> assertThat(r.field()).isEqualTo("state.x"));
    }

    @Test
    void scalars_keep_their_kind_and_skip_what_is_asked() {
        ObjectNode body = json("{\"type\":\"T\",\"s\":\"t\",\"b\":true,\"l\":9007199254740993,\"d\":1.5}");

        assertThat(fields.scalars(body, Set.of("type"), "")).isEqualTo(Map.of("s", "t", "b", true,
                "l", 9007199254740993L, "d", 1.5));
        assertThat(refusalOf(() -> fields.scalars(json("{\"o\":{}}"), Set.of(), "deltas[1].")))
                .isEqualTo(new Refused(InputFault.INVALID_FIELD, "deltas[1].o",
                        "'deltas[1].o' must be text, a number or a boolean"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{\"a\":1,\"a\":2}", "{\"a\":1} x", "{'a':1}"})
    void only_strict_json_objects_are_read(String text) {
        assertThat(StrictJson.object(STRICT, text)).isEmpty();
    }

    @Test
    void a_long_key_is_shortened_when_repeated_back() {
        assertThat(JsonFields.shortened("k".repeat(100))).hasSize(41).endsWith("…");
        assertThatThrownBy(() -> fields.text(json("{}"), "k")).isInstanceOf(Refusal.class);
    }
}
