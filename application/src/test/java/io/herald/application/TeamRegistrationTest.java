package io.herald.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.application.fake.FakeHerald;
import io.herald.domain.Refusal;
import io.herald.domain.TeamCode;
import io.herald.domain.TeamMode;
import io.herald.domain.TravelMode;
import org.junit.jupiter.api.Test;

class TeamRegistrationTest {
    private final FakeHerald herald = new FakeHerald();

    private Registration register(String name, TeamMode mode) {
        return herald.registerTeam.register(new RegisterTeam.Command(name, mode, TravelMode.CO_LOCATED));
    }

    @Test
    void registering_creates_a_team_with_its_first_active_player() {
        Registration registration = register("Ana", TeamMode.TEAM);

        assertThat(herald.directory.findTeam(registration.team().code())).contains(registration.team());
        assertThat(herald.directory.roster(registration.team().session())).containsExactly(registration.player());
    }

    @Test
    void joining_by_code_adds_a_player_to_the_same_session() {
        Registration first = register("Ana", TeamMode.TEAM);

        Registration second = (Registration) herald.joinTeam.join(new JoinTeam.Command(first.team().code(), "Ben"));

        assertThat(second.team()).isEqualTo(first.team());
        assertThat(herald.directory.roster(first.team().session())).hasSize(2)
                .containsExactly(first.player(), second.player());
    }

    @Test
    void a_taken_code_is_not_reused_for_a_new_team() {
        Registration first = register("Ana", TeamMode.TEAM);
        herald.ids.queueTeamCodes(first.team().code(), first.team().code());

        Registration second = register("Ben", TeamMode.TEAM);

        assertThat(second.team().code()).isNotEqualTo(first.team().code());
        assertThat(herald.directory.roster(first.team().session())).hasSize(1);
        assertThat(herald.directory.findTeam(first.team().code())).contains(first.team());
        assertThat(herald.directory.findTeam(second.team().code())).contains(second.team());
        assertThat(herald.directory.roster(second.team().session())).containsExactly(second.player());
    }

    @Test
    void an_unknown_code_or_a_solo_run_cannot_be_joined() {
        Registration solo = register("Ana", TeamMode.SOLO);

        assertThat(herald.joinTeam.join(new JoinTeam.Command(TeamCode.parse("ZZZZZZ"), "Ben")))
                .isEqualTo(new Refused(Refusal.UNKNOWN_TEAM));
        assertThat(herald.joinTeam.join(new JoinTeam.Command(solo.team().code(), "Ben")))
                .isEqualTo(new Refused(Refusal.SOLO_TEAM));
    }
}
