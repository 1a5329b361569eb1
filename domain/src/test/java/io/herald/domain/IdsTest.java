package io.herald.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IdsTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "a#b", "a|b", "a b", "tab\there", "nul\u0000"})
    void an_id_that_would_break_a_key_is_refused(String value) {
        assertThatThrownBy(() -> new PlayerId(value)).isInstanceOf(InvalidIdException.class);
        assertThatThrownBy(() -> new SessionId(value)).isInstanceOf(InvalidIdException.class);
    }

    @Test
    void an_id_longer_than_the_bound_is_refused() {
        assertThatThrownBy(() -> new ConnectionId("x".repeat(Ids.MAX_LENGTH + 1)))
                .isInstanceOf(InvalidIdException.class)
                .hasMessageContaining("at most");
    }

    @Test
    void an_ordinary_id_is_kept_as_given() {
        assertThat(new PlayerId("player-456").value()).isEqualTo("player-456");
        assertThat(new MessageId("msg-uuid").toString()).isEqualTo("msg-uuid");
    }

    @Test
    void a_team_code_accepts_what_a_person_types_and_refuses_look_alikes() {
        assertThat(TeamCode.parse(" 7tcjem ").value()).isEqualTo("7TCJEM");
        assertThatThrownBy(() -> TeamCode.parse("7TCJE0")).isInstanceOf(InvalidIdException.class);
        assertThatThrownBy(() -> TeamCode.parse("ABC")).isInstanceOf(InvalidIdException.class);
    }

    @Test
    void a_team_code_from_random_values_uses_only_the_unambiguous_alphabet() {
        TeamCode code = TeamCode.from(new int[] {0, 30, 31, -1, 12345, 7});

        assertThat(code.value()).hasSize(6).matches("[" + TeamCode.ALPHABET + "]+");
    }
}
