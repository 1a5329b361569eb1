package io.herald.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.application.port.SessionDirectory;
import io.herald.domain.ObjectId;
import io.herald.domain.PlayerId;
import io.herald.domain.PlayerStatus;
import io.herald.domain.SessionId;
import io.herald.domain.SessionPlayer;
import io.herald.domain.Team;
import io.herald.domain.TeamCode;
import io.herald.domain.TeamMode;
import io.herald.domain.TravelMode;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** What every {@link SessionDirectory} must do. */
public abstract class SessionDirectoryContract {
    private final SessionId session = new SessionId("s-" + UUID.randomUUID());
    private final PlayerId ana = new PlayerId("ana");
    private final PlayerId ben = new PlayerId("ben");

    protected abstract SessionDirectory directory();

    private static TeamCode randomCode() {
        return TeamCode.from(ThreadLocalRandom.current().ints(TeamCode.LENGTH, 0, 1_000).toArray());
    }

    @Test
    void a_created_team_is_found_by_its_code_and_by_its_session() {
        Team team = new Team(randomCode(), session, TeamMode.TEAM, TravelMode.INDEPENDENT);

        assertThat(directory().createTeam(team)).isTrue();

        assertThat(directory().findTeam(team.code())).contains(team);
        assertThat(directory().teamOf(session)).contains(team);
    }

    @Test
    void a_taken_code_is_refused_and_the_first_team_kept() {
        Team first = new Team(randomCode(), session, TeamMode.TEAM, TravelMode.CO_LOCATED);
        directory().createTeam(first);
        SessionId otherSession = new SessionId("s-" + UUID.randomUUID());

        assertThat(directory().createTeam(new Team(first.code(), otherSession, TeamMode.SOLO, TravelMode.CO_LOCATED)))
                .isFalse();
        assertThat(directory().findTeam(first.code())).contains(first);
        assertThat(directory().teamOf(otherSession)).isEmpty();
    }

    @Test
    void unknown_codes_and_sessions_find_nothing() {
        assertThat(directory().teamOf(new SessionId("nope-" + UUID.randomUUID()))).isEmpty();
        assertThat(directory().roster(new SessionId("nope-" + UUID.randomUUID()))).isEmpty();
    }

    @Test
    void the_roster_lists_every_player_and_adding_one_again_updates_it() {
        directory().addPlayer(session, new SessionPlayer(ana, "Ana", PlayerStatus.ACTIVE));
        directory().addPlayer(session, new SessionPlayer(ben, "Ben", PlayerStatus.ACTIVE));
        directory().addPlayer(session, new SessionPlayer(ben, "Ben", PlayerStatus.LEFT));

        assertThat(directory().roster(session)).containsExactlyInAnyOrder(
                new SessionPlayer(ana, "Ana", PlayerStatus.ACTIVE), new SessionPlayer(ben, "Ben", PlayerStatus.LEFT));
    }

    @Test
    void one_player_is_read_on_its_own_with_its_latest_status() {
        directory().addPlayer(session, new SessionPlayer(ana, "Ana", PlayerStatus.ACTIVE));
        directory().addPlayer(session, new SessionPlayer(ben, "Ben", PlayerStatus.ACTIVE));
        directory().addPlayer(session, new SessionPlayer(ben, "Ben", PlayerStatus.LEFT));

        assertThat(directory().player(session, ana)).contains(new SessionPlayer(ana, "Ana", PlayerStatus.ACTIVE));
        assertThat(directory().player(session, ben)).contains(new SessionPlayer(ben, "Ben", PlayerStatus.LEFT));
        assertThat(directory().player(session, new PlayerId("cal"))).isEmpty();
        assertThat(directory().player(new SessionId("other-" + UUID.randomUUID()), ana)).isEmpty();
    }

    @Test
    void arrivals_are_kept_per_object_and_recording_one_twice_changes_nothing() {
        directory().recordArrival(session, ana, new ObjectId("statue"));
        directory().recordArrival(session, ana, new ObjectId("statue"));
        directory().recordArrival(session, ben, new ObjectId("statue-2"));

        assertThat(directory().arrivals(session, new ObjectId("statue"))).containsExactly(ana);
        assertThat(directory().arrivals(session, new ObjectId("statue-2"))).containsExactly(ben);
        assertThat(directory().arrivals(session, new ObjectId("fountain"))).isEmpty();
    }
}
