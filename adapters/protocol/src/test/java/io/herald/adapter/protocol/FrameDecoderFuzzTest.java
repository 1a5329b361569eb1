package io.herald.adapter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.adapter.wire.InputFault;
import io.herald.application.fuzz.Fuzz;
import io.herald.application.fuzz.Gen;
import io.herald.application.fuzz.JsonShapes;
import io.herald.domain.PlayerState;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Whatever a client sends, decoding answers with a verdict and nothing else: no exception, no state, no surprise. */
class FrameDecoderFuzzTest {
    private final FrameDecoder decoder = new FrameDecoder(new ObjectMapper());

    private static final Gen<String> ANYTHING = Gen.oneOf(FrameShapes.anyText(), FrameShapes.JSON.values(4),
            FrameShapes.deeplyNested(), FrameShapes.stateUpdates(),
            FrameShapes.frames(Gen.of("session-1", "player-2", "ai-msg#player-2#NodeComplete-0000000000000000")));

    @Test
    void any_text_decodes_to_a_verdict_without_throwing() {
        Fuzz.check(2000, ANYTHING, text -> {
            FrameDecoder.Decoded decoded = decoder.decode(text);

            assertThat(decoded).isNotNull();
            if (decoded instanceof FrameDecoder.Invalid invalid) {
                assertThat(invalid.detail()).isNotBlank();
                invalid.ref().ifPresent(ref -> assertThat(ref.length()).isLessThanOrEqualTo(64));
            }
        });
    }

    /** State updates alone: the one frame whose free-form content reaches the domain's own limits. */
    @Test
    void any_state_update_decodes_to_a_verdict_without_throwing() {
        Fuzz.check(1000, FrameShapes.stateUpdates(), text -> assertThat(decoder.decode(text)).isNotNull());
    }

    @Test
    void decoding_is_pure_the_same_text_always_gets_the_same_verdict() {
        Fuzz.check(500, ANYTHING, text -> assertThat(decoder.decode(text)).isEqualTo(decoder.decode(text)));
    }

    @Test
    void any_whole_number_a_long_holds_reaches_the_state_unchanged() {
        Fuzz.check(500, JsonShapes.longs(), value ->
                assertThat(stateField("{\"type\":\"player_state_update\",\"state\":{\"n\":" + value + "}}")).isEqualTo(value));
    }

    @Test
    void any_finite_double_reaches_the_state_unchanged() {
        Fuzz.check(500, JsonShapes.doubles(), value -> {
            Object decoded = stateField("{\"type\":\"player_state_update\",\"state\":{\"n\":" + value + "}}");

            assertThat(decoded).isInstanceOf(Double.class);
            assertThat((double) decoded == value).as("%s arrives as %s", value, decoded).isTrue();
        });
    }

    @Test
    void a_whole_number_beyond_a_long_is_refused_as_invalid_number_naming_the_field() {
        Gen<BigInteger> beyondLong = random -> {
            BigInteger past = BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE)
                    .add(new BigInteger(1 + random.nextInt(80), random));
            return random.nextBoolean() ? past : past.negate().subtract(BigInteger.ONE);
        };
        Fuzz.check(500, beyondLong, value ->
                assertThat(decoder.decode("{\"type\":\"player_state_update\",\"state\":{\"lat\":" + value + "}}"))
                        .isInstanceOfSatisfying(FrameDecoder.Invalid.class, invalid -> {
                            assertThat(invalid.error()).isEqualTo(InputFault.INVALID_NUMBER);
                            assertThat(invalid.detail()).contains("'state.lat'");
                        }));
    }

    @Test
    void a_number_past_a_doubles_range_is_refused_as_invalid_number() {
        Gen<String> pastDouble = random -> {
            int exponent = 309 + random.nextInt(100_000);
            return Gen.of("1e" + exponent, "-9.5E+" + exponent, "1e-" + (exponent + 100), "-3.25e-" + (exponent + 100))
                    .next(random);
        };
        Fuzz.check(500, pastDouble, value ->
                assertThat(decoder.decode("{\"type\":\"player_state_update\",\"lng\":" + value + "}"))
                        .isInstanceOfSatisfying(FrameDecoder.Invalid.class, invalid -> {
                            assertThat(invalid.error()).isEqualTo(InputFault.INVALID_NUMBER);
                            assertThat(invalid.detail()).contains("'lng'");
                        }));
    }

    private Object stateField(String frame) {
        FrameDecoder.Decoded decoded = decoder.decode(frame);
        assertThat(decoded).isInstanceOf(FrameDecoder.Valid.class);
        PlayerState state = ((Inbound.StateUpdate) ((FrameDecoder.Valid) decoded).frame()).state();
        return state.fields().get("n");
    }
}
