package io.herald.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessagePolicyTest {
    private static final Instant T0 = Instant.parse("2026-01-09T10:30:00Z");
    private static final SessionId SESSION = new SessionId("s1");
    private static final PlayerId ANA = new PlayerId("ana");
    private static final PlayerId BEN = new PlayerId("ben");
    private static final PlayerId CAL = new PlayerId("cal");

    private static final List<SessionPlayer> TEAM = List.of(
            new SessionPlayer(ANA, "Ana", PlayerStatus.ACTIVE),
            new SessionPlayer(BEN, "Ben", PlayerStatus.ACTIVE),
            new SessionPlayer(CAL, "Cal", PlayerStatus.LEFT));

    @Test
    void completing_a_node_earns_that_player_a_line() {
        Decision decision = MessagePolicy.decide(new NodeComplete(SESSION, ANA, new NodeId("n1"), T0), TEAM, Set.of());

        assertThat(decision).isInstanceOf(Decision.Individual.class);
        assertThat(((Decision.Individual) decision).recipient()).isEqualTo(ANA);
    }

    @Test
    void an_arrival_before_the_whole_team_is_there_is_an_individual_line() {
        Decision decision = MessagePolicy.decide(new ObjectArrive(SESSION, ANA, new ObjectId("statue"), T0), TEAM, Set.of(ANA));

        assertThat(decision).isInstanceOf(Decision.Individual.class);
    }

    @Test
    void the_arrival_that_completes_every_active_player_becomes_one_team_broadcast() {
        Decision decision = MessagePolicy.decide(new ObjectArrive(SESSION, BEN, new ObjectId("statue"), T0), TEAM, Set.of(ANA, BEN));

        assertThat(decision).isInstanceOf(Decision.Broadcast.class);
        Decision.Broadcast broadcast = (Decision.Broadcast) decision;
        assertThat(broadcast.recipients()).containsExactly(ANA, BEN);
        assertThat(broadcast.milestone().id()).isEqualTo(new Milestone(SESSION, new ObjectId("statue"), T0).id());
    }

    @Test
    void a_player_who_left_does_not_hold_the_team_back_and_is_not_told() {
        assertThat(new ArrivalCondition(new ObjectId("statue")).isMet(TEAM, Set.of(ANA, BEN))).isTrue();
        assertThat(new ArrivalCondition(new ObjectId("statue")).isMet(TEAM, Set.of(ANA, CAL))).isFalse();
    }

    @Test
    void a_solo_player_is_not_a_team_to_broadcast_to() {
        List<SessionPlayer> solo = List.of(new SessionPlayer(ANA, "Ana", PlayerStatus.ACTIVE));

        Decision decision = MessagePolicy.decide(new ObjectArrive(SESSION, ANA, new ObjectId("statue"), T0), solo, Set.of(ANA));

        assertThat(decision).isInstanceOf(Decision.Individual.class);
    }

    @Test
    void puzzle_submissions_right_or_wrong_earn_a_line_with_the_fitting_fallback() {
        PuzzleSubmit wrong = new PuzzleSubmit(SESSION, ANA, new PuzzleId("p1"), false, 1, T0);
        PuzzleSubmit right = new PuzzleSubmit(SESSION, ANA, new PuzzleId("p1"), true, 2, T0);

        assertThat(MessagePolicy.decide(wrong, TEAM, Set.of())).isInstanceOf(Decision.Individual.class);
        assertThat(FallbackText.forEvent(right)).isNotEqualTo(FallbackText.forEvent(wrong));
    }

    @Test
    void periodic_checks_stay_quiet() {
        assertThat(MessagePolicy.decide(new PeriodicCheck(SESSION, T0), TEAM, Set.of()))
                .isInstanceOf(Decision.Silence.class);
    }

    @Test
    void a_player_who_left_gets_no_individual_line() {
        assertThat(MessagePolicy.decide(new NodeComplete(SESSION, CAL, new NodeId("n1"), T0), TEAM, Set.of()))
                .isInstanceOf(Decision.Silence.class);
    }

    @Test
    void a_milestone_reported_by_the_runtime_goes_to_every_active_player() {
        Decision decision = MessagePolicy.decide(new Milestone(SESSION, new ObjectId("gate"), T0), TEAM, Set.of());

        assertThat(((Decision.Broadcast) decision).recipients()).containsExactly(ANA, BEN);
    }
}
