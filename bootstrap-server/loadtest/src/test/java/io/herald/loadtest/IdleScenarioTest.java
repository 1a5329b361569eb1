package io.herald.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdleScenarioTest {
    @Test
    void players_are_grouped_in_teams_of_five_with_the_remainder_in_a_last_smaller_team() {
        assertThat(IdleScenario.teamSizes(12)).containsExactly(5, 5, 2);
        assertThat(IdleScenario.teamSizes(20_000)).hasSize(4_000).containsOnly(5);
        assertThat(IdleScenario.teamSizes(1)).containsExactly(1);
    }
}
