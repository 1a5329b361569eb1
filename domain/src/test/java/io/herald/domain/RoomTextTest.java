package io.herald.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoomTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'  hello  '|hello",
        "'a\u0000b\u0007c'|abc",
        "'\u202Egnp.exe\u202C'|gnp.exe",
        "'x\u2066y\u2069z'|xyz",
        "'two\nlines\tand tab'|'two\nlines\tand tab'",
        "'\u200Fשלום'|'\u200Fשלום'"
    })
    void text_is_trimmed_and_loses_control_and_bidi_override_characters(String raw, String kept) {
        assertThat(RoomText.from(raw).text()).contains(new RoomText(kept));
    }

    @Test
    void nothing_left_after_cleaning_is_empty_text() {
        assertThat(RoomText.from(" \u202E\u0000 \n").refusal()).contains(Refusal.EMPTY_TEXT);
        assertThat(RoomText.from(null).refusal()).contains(Refusal.EMPTY_TEXT);
    }

    @Test
    void the_cap_is_two_thousand_characters_counted_as_code_points_and_longer_is_refused_not_cut() {
        assertThat(RoomText.from("a".repeat(RoomText.MAX_LENGTH)).text()).isPresent();
        assertThat(RoomText.from("🎯".repeat(RoomText.MAX_LENGTH)).text()).isPresent();
        assertThat(RoomText.from("a".repeat(RoomText.MAX_LENGTH + 1)))
                .isEqualTo(new RoomText.Result(Optional.empty(), Optional.of(Refusal.TEXT_TOO_LONG)));
    }

    @Test
    void uncleaned_text_cannot_be_made_directly() {
        assertThatThrownBy(() -> new RoomText(" padded ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoomText("a\u202Eb")).isInstanceOf(IllegalArgumentException.class);
    }
}
