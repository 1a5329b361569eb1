package io.herald.adapter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.adapter.wire.InputFault;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {
    private final FrameDecoder decoder = new FrameDecoder(new ObjectMapper());

    private FrameDecoder.Decoded decode(String frame) {
        return decoder.decode(frame);
    }

    @Test
    void numbers_in_a_state_keep_their_exact_value_at_the_edges_of_long_and_double() {
        FrameDecoder.Decoded decoded = decode("{\"type\":\"player_state_update\",\"state\":{\"max\":9223372036854775807,"
                + "\"min\":-9223372036854775808,\"big\":1.7976931348623157E308,\"tiny\":4.9E-324,\"half\":0.5,\"zero\":0.0}}");

        assertThat(decoded).isInstanceOfSatisfying(FrameDecoder.Valid.class, valid ->
                assertThat(((Inbound.StateUpdate) valid.frame()).state().fields()).isEqualTo(Map.of(
                        "max", Long.MAX_VALUE, "min", Long.MIN_VALUE, "big", Double.MAX_VALUE, "tiny", Double.MIN_VALUE,
                        "half", 0.5, "zero", 0.0)));
    }

    @Test
    void a_number_that_would_arrive_as_infinity_is_refused_naming_its_field_and_echoing_the_ref() {
        assertThat(decode("{\"type\":\"player_state_update\",\"ref\":\"r1\",\"state\":{\"speed\":1e400}}"))
                .isInstanceOfSatisfying(FrameDecoder.Invalid.class, invalid -> {
                    assertThat(invalid.error().code()).isEqualTo("invalid_number");
                    assertThat(invalid.detail()).isEqualTo("'state.speed' is a number outside the range of a double");
                    assertThat(invalid.ref()).contains("r1");
                });
    }

    @Test
    void a_whole_number_that_would_silently_change_is_refused_naming_its_field() {
        assertThat(decode("{\"type\":\"player_state_update\",\"steps\":18446744073709551617}"))
                .isInstanceOfSatisfying(FrameDecoder.Invalid.class, invalid -> {
                    assertThat(invalid.error().code()).isEqualTo("invalid_number");
                    assertThat(invalid.detail()).isEqualTo("'steps' is a whole number outside the range of a 64-bit integer");
                });
    }

    @Test
    void nesting_past_the_parsers_limit_is_invalid_json_not_a_crash() {
        assertThat(decode("[".repeat(5000) + "]".repeat(5000))).isInstanceOfSatisfying(FrameDecoder.Invalid.class,
                invalid -> assertThat(invalid.error()).isEqualTo(InputFault.INVALID_JSON));
    }

    @Test
    void no_text_at_all_is_invalid_json() {
        assertThat(decode(null)).isInstanceOfSatisfying(FrameDecoder.Invalid.class,
                invalid -> assertThat(invalid.error()).isEqualTo(InputFault.INVALID_JSON));
    }
}
