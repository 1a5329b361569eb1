package io.herald.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.application.fake.CountingSessionDirectory;
import io.herald.application.fake.InMemorySessionDirectory;
import io.herald.application.fake.ManualClock;
import io.herald.application.fake.RecordingRosterChanges;
import io.herald.domain.PlayerId;
import io.herald.domain.PlayerStatus;
import io.herald.domain.SessionId;
import io.herald.domain.SessionPlayer;
import io.herald.domain.Team;
import io.herald.domain.TeamCode;
import io.herald.domain.TeamMode;
import io.herald.domain.TravelMode;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CachedSessionDirectoryTest {
    private static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final InMemorySessionDirectory store = new InMemorySessionDirectory();
    private final CountingSessionDirectory counted = new CountingSessionDirectory(store);
    private final RecordingRosterChanges changes = new RecordingRosterChanges();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-09T10:30:00Z"));
    private final CachedSessionDirectory cache = CachedSessionDirectory.over(counted, changes, clock, 100, MAX_AGE);

    private final SessionId session = new SessionId("session-1");
    private final SessionPlayer ana = new SessionPlayer(new PlayerId("ana"), "Ana", PlayerStatus.ACTIVE);
    private final SessionPlayer ben = new SessionPlayer(new PlayerId("ben"), "Ben", PlayerStatus.ACTIVE);

    private void aTeamWithAna() {
        cache.createTeam(new Team(TeamCode.parse("ABCDEF"), session, TeamMode.TEAM, TravelMode.CO_LOCATED));
        cache.addPlayer(session, ana);
    }

    @Test
    void a_team_and_a_roster_are_read_from_the_store_once_and_then_answered_from_memory() {
        aTeamWithAna();

        for (int i = 0; i < 5; i++) {
            assertThat(cache.teamOf(session)).isPresent();
            assertThat(cache.roster(session)).containsExactly(ana);
            assertThat(cache.player(session, ana.id())).contains(ana);
        }

        assertThat(counted.teamReads).hasValue(1);
        assertThat(counted.rosterReads).hasValue(1);
        assertThat(counted.playerReads).hasValue(0);
    }

    @Test
    void a_player_added_here_is_seen_at_once_and_announced_to_the_other_nodes() {
        aTeamWithAna();
        cache.roster(session);

        cache.addPlayer(session, ben);

        assertThat(cache.roster(session)).containsExactly(ana, ben);
        assertThat(changes.announced()).containsExactly(session, session);
    }

    @Test
    void a_change_announced_by_another_node_drops_the_cached_roster() {
        aTeamWithAna();
        cache.roster(session);
        store.addPlayer(session, ben);

        changes.anotherNodeChanged(session);

        assertThat(cache.roster(session)).containsExactly(ana, ben);
        assertThat(counted.rosterReads).hasValue(2);
    }

    @Test
    void a_roster_read_that_a_change_overtakes_is_returned_but_not_kept() {
        aTeamWithAna();
        counted.duringNextRosterRead(() -> {
            store.addPlayer(session, ben);
            changes.anotherNodeChanged(session);
        });

        assertThat(cache.roster(session)).containsExactly(ana);

        assertThat(cache.roster(session)).containsExactly(ana, ben);
    }

    @Test
    void a_player_the_cached_roster_lacks_is_read_alone_and_proves_the_roster_stale() {
        aTeamWithAna();
        cache.roster(session);
        store.addPlayer(session, ben);

        assertThat(cache.player(session, ben.id())).contains(ben);
        assertThat(cache.player(session, new PlayerId("stranger"))).isEmpty();

        assertThat(cache.roster(session)).containsExactly(ana, ben);
        assertThat(counted.rosterReads).hasValue(2);
    }

    @Test
    void without_a_cached_roster_one_player_is_read_alone_not_the_whole_roster() {
        aTeamWithAna();

        assertThat(cache.player(session, ana.id())).contains(ana);

        assertThat(counted.rosterReads).hasValue(0);
        assertThat(counted.playerReads).hasValue(1);
    }

    @Test
    void a_player_read_alone_is_remembered_and_players_joining_here_are_known_without_reading_anything() {
        aTeamWithAna();
        cache.player(session, ana.id());
        cache.player(session, ana.id());

        for (int i = 0; i < 50; i++) {
            SessionPlayer joining = new SessionPlayer(new PlayerId("p" + i), "P" + i, PlayerStatus.ACTIVE);
            cache.addPlayer(session, joining);
            assertThat(cache.player(session, joining.id())).contains(joining);
        }

        assertThat(counted.playerReads).hasValue(1);
        assertThat(counted.rosterReads).hasValue(0);
    }

    @Test
    void news_from_another_node_drops_players_read_alone_too() {
        aTeamWithAna();
        cache.player(session, ana.id());
        store.addPlayer(session, new SessionPlayer(ana.id(), "Ana", PlayerStatus.LEFT));

        changes.anotherNodeChanged(session);

        assertThat(cache.player(session, ana.id())).map(SessionPlayer::status).contains(PlayerStatus.LEFT);
    }

    @Test
    void when_news_may_have_been_missed_every_roster_is_read_again_but_teams_are_kept() {
        aTeamWithAna();
        cache.teamOf(session);
        cache.roster(session);
        store.addPlayer(session, ben);

        changes.relayWasDown();
        assertThat(cache.teamOf(session)).isPresent();
        assertThat(cache.roster(session)).as("the change whose news was missed").containsExactly(ana, ben);

        assertThat(counted.teamReads).hasValue(1);
        assertThat(counted.rosterReads).hasValue(2);
    }

    @Test
    void a_roster_older_than_its_maximum_age_is_read_again() {
        aTeamWithAna();
        cache.roster(session);

        store.addPlayer(session, ben);

        clock.advance(MAX_AGE.minusSeconds(1));
        assertThat(cache.roster(session)).as("still young: answered from memory").containsExactly(ana);
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.roster(session)).as("too old: read again").containsExactly(ana, ben);

        assertThat(counted.rosterReads).hasValue(2);
    }

    @Test
    void an_unknown_session_is_asked_about_again_rather_than_remembered_as_missing() {
        assertThat(cache.teamOf(session)).isEmpty();
        aTeamWithAna();

        assertThat(cache.teamOf(session)).isPresent();
    }

    @Test
    void the_cache_holds_no_more_sessions_than_its_capacity() {
        CachedSessionDirectory small = CachedSessionDirectory.over(counted, changes, clock, 16, MAX_AGE);

        IntStream.range(0, 1_000).forEach(i -> small.roster(new SessionId("s-" + i)));

        assertThat(small.cachedSessions()).isLessThanOrEqualTo(16);
    }
}
