package io.herald.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InboxKeyTest {
    private final InboxKey key = new InboxKey(new PlayerId("player-456"), new EventId("NodeComplete-7f8a9b2c"));

    @Test
    void is_built_as_the_seed_documents_it() {
        assertThat(key.value()).isEqualTo("ai-msg#player-456#NodeComplete-7f8a9b2c");
    }

    @Test
    void parses_back_to_the_same_player_and_event() {
        assertThat(InboxKey.parse(key.value())).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "msg#player-456#NodeComplete-1", "ai-msg#player-456", "ai-msg##NodeComplete-1",
        "ai-msg#player-456#", "ai-msg#player-456#NodeComplete-1#extra", "ai-msg#player 456#NodeComplete-1"})
    void refuses_anything_that_is_not_exactly_prefix_player_event(String text) {
        assertThatThrownBy(() -> InboxKey.parse(text)).isInstanceOf(InvalidIdException.class);
    }

    @Test
    void a_player_id_cannot_smuggle_a_separator_to_claim_another_players_key() {
        assertThatThrownBy(() -> new PlayerId("player-456#NodeComplete")).isInstanceOf(InvalidIdException.class);
    }

    @Test
    void belongs_only_to_its_own_player() {
        assertThat(key.belongsTo(new PlayerId("player-456"))).isTrue();
        assertThat(key.belongsTo(new PlayerId("player-45"))).isFalse();
    }
}
