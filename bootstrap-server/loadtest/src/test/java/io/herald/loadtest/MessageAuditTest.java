package io.herald.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageAuditTest {
    private static final Set<Integer> NOBODY_DIED = Set.of();

    private final MessageAudit audit = new MessageAudit();

    private static Frame.AiMessage individual(String player, String event) {
        return new Frame.AiMessage("s1", "m-" + event, "individual", MessageAudit.sk(player, event));
    }

    private static Frame.AiMessage broadcast(String player, String event, String messageId) {
        return new Frame.AiMessage("s1", messageId, "broadcast", MessageAudit.sk(player, event));
    }

    @Test
    void a_copy_received_live_once_is_delivered_live_and_timed_from_its_post() {
        audit.expect("ana", MessageAudit.sk("ana", "e1"), 1_000, Set.of(0));
        audit.receiveLive("ana", "s1", individual("ana", "e1"), 1_700);

        MessageReconciliation result = audit.reconcile(NOBODY_DIED);

        assertThat(result.clean()).isTrue();
        assertThat(result.deliveredLive()).isEqualTo(1);
        assertThat(result.latency().max()).isEqualTo(700);
        assertThat(result.lastLiveArrivalNanos()).hasValue(1_700);
    }

    @Test
    void a_copy_only_catch_up_returned_is_delivered_by_catch_up_and_not_timed() {
        audit.expect("ana", MessageAudit.sk("ana", "e1"), 0, Set.of(0));
        audit.receiveCaughtUp("ana", "s1", individual("ana", "e1"));

        MessageReconciliation result = audit.reconcile(NOBODY_DIED);

        assertThat(result.deliveredByCatchUp()).isEqualTo(1);
        assertThat(result.deliveredLive()).isZero();
        assertThat(result.latency().count()).isZero();
        assertThat(result.clean()).isTrue();
    }

    @Test
    void catch_up_returning_a_copy_already_received_live_is_a_redelivery_and_allowed() {
        audit.expect("ana", MessageAudit.sk("ana", "e1"), 0, Set.of(0));
        audit.receiveLive("ana", "s1", individual("ana", "e1"), 5);
        audit.receiveCaughtUp("ana", "s1", individual("ana", "e1"));

        MessageReconciliation result = audit.reconcile(NOBODY_DIED);

        assertThat(result.redelivered()).isEqualTo(1);
        assertThat(result.duplicated()).isZero();
        assertThat(result.deliveredLive()).isEqualTo(1);
        assertThat(result.clean()).isTrue();
    }

    @Test
    void a_push_that_comes_after_catch_up_returned_the_copy_is_a_redelivery_too() {
        audit.expect("ana", MessageAudit.sk("ana", "e1"), 0, Set.of(0));
        audit.receiveCaughtUp("ana", "s1", individual("ana", "e1"));
        audit.receiveLive("ana", "s1", individual("ana", "e1"), 9);

        MessageReconciliation result = audit.reconcile(NOBODY_DIED);

        assertThat(result.redelivered()).isEqualTo(1);
        assertThat(result.deliveredLive()).isEqualTo(1);
        assertThat(result.clean()).isTrue();
    }

    @Test
    void the_same_copy_pushed_live_twice_to_one_player_is_a_duplicate_even_on_two_connections() {
        audit.expect("ana", MessageAudit.sk("ana", "e1"), 0, Set.of(0));
        audit.receiveLive("ana", "s1", individual("ana", "e1"), 5);
        audit.receiveLive("ana", "s1", individual("ana", "e1"), 6);

        MessageReconciliation result = audit.reconcile(NOBODY_DIED);

        assertThat(result.duplicated()).isEqualTo(1);
        assertThat(result.clean()).isFalse();
    }

    @Test
    void a_copy_never_received_is_lost_when_its_event_went_to_a_live_node() {
        audit.expect("ana", MessageAudit.sk("ana", "e1"), 0, Set.of(0));
        audit.expect("ben", MessageAudit.sk("ben", "e2"), 0, Set.of(0, 1));

        MessageReconciliation result = audit.reconcile(NOBODY_DIED);

        assertThat(result.lost()).isEqualTo(2);
        assertThat(result.diedNode()).isZero();
        assertThat(result.clean()).isFalse();
    }

    @Test
    void a_copy_never_received_whose_event_was_posted_to_the_node_that_died_is_counted_apart_and_passes() {
        audit.expect("ana", MessageAudit.sk("ana", "e1"), 100, Set.of(1));
        audit.expect("ben", MessageAudit.sk("ben", "e2"), 200, Set.of(1, 0));
        audit.expect("cal", MessageAudit.sk("cal", "e3"), 300, Set.of(0));
        audit.expect("dan", MessageAudit.sk("dan", "e4"), 400, Set.of(1));
        audit.receiveCaughtUp("dan", "s1", individual("dan", "e4"));

        MessageReconciliation result = audit.reconcile(Set.of(1));

        assertThat(result.diedNode()).as("ana's and ben's: posted to node1, never seen").isEqualTo(2);
        assertThat(result.oldestDiedNanos()).hasValue(100);
        assertThat(result.lost()).as("cal's went to node0 only").isEqualTo(1);
        assertThat(result.deliveredByCatchUp()).as("dan's survived its node").isEqualTo(1);
        assertThat(result.expected()).isEqualTo(4);
    }

    @Test
    void a_copy_nobody_expected_or_for_another_player_is_unexpected_live_or_caught_up() {
        audit.expect("ana", MessageAudit.sk("ana", "e1"), 0, Set.of(0));
        audit.receiveLive("ben", "s1", individual("ana", "e1"), 5);
        audit.receiveCaughtUp("ana", "s1", individual("ana", "stray"));

        MessageReconciliation result = audit.reconcile(NOBODY_DIED);

        assertThat(result.unexpected()).isEqualTo(2);
        assertThat(result.lost()).isEqualTo(1);
    }

    @Test
    void a_team_broadcast_is_learnt_from_its_first_copy_and_owed_once_to_every_player() {
        audit.expectBroadcast("s1", List.of("ana", "ben", "cal"), 0, Set.of(0));
        assertThat(audit.outstanding()).isEqualTo(3);

        audit.receiveLive("ana", "s1", broadcast("ana", "Milestone-9", "m9"), 5);
        audit.receiveCaughtUp("ben", "s1", broadcast("ben", "Milestone-9", "m9"));
        assertThat(audit.outstanding()).isEqualTo(1);
        audit.receiveLive("cal", "s1", broadcast("cal", "Milestone-9", "m9"), 7);

        MessageReconciliation result = audit.reconcile(NOBODY_DIED);
        assertThat(result.expected()).isEqualTo(3);
        assertThat(result.deliveredLive()).isEqualTo(2);
        assertThat(result.deliveredByCatchUp()).isEqualTo(1);
        assertThat(result.broadcastTeams()).isEqualTo(1);
        assertThat(result.broadcastComplete()).isEqualTo(1);
        assertThat(result.broadcastMixedIds()).isZero();
        assertThat(result.clean()).isTrue();
    }

    @Test
    void broadcast_copies_with_different_message_ids_fail_the_check() {
        audit.expectBroadcast("s1", List.of("ana", "ben"), 0, Set.of(0));
        audit.receiveLive("ana", "s1", broadcast("ana", "Milestone-9", "m9"), 5);
        audit.receiveLive("ben", "s1", broadcast("ben", "Milestone-9", "other"), 5);

        MessageReconciliation result = audit.reconcile(NOBODY_DIED);

        assertThat(result.broadcastMixedIds()).isEqualTo(1);
        assertThat(result.lost()).isZero();
        assertThat(result.clean()).isFalse();
    }

    @Test
    void a_player_left_out_of_a_broadcast_makes_it_incomplete_and_that_copy_lost() {
        audit.expectBroadcast("s1", List.of("ana", "ben"), 0, Set.of(0));
        audit.receiveLive("ana", "s1", broadcast("ana", "Milestone-9", "m9"), 5);

        MessageReconciliation result = audit.reconcile(NOBODY_DIED);

        assertThat(result.broadcastComplete()).isZero();
        assertThat(result.lost()).isEqualTo(1);
    }

    @Test
    void a_broadcast_nobody_received_is_lost_for_every_player_of_the_team() {
        audit.expectBroadcast("s1", List.of("ana", "ben", "cal"), 0, Set.of(0));

        MessageReconciliation result = audit.reconcile(NOBODY_DIED);

        assertThat(result.lost()).isEqualTo(3);
        assertThat(result.broadcastComplete()).isZero();
    }

    @Test
    void copies_of_events_sent_only_to_a_dead_node_are_not_waited_for_but_listed_for_a_final_catch_up() {
        audit.expect("ana", MessageAudit.sk("ana", "e1"), 0, Set.of(1));
        audit.expect("ben", MessageAudit.sk("ben", "e2"), 0, Set.of(1, 0));
        audit.expect("cal", MessageAudit.sk("cal", "e3"), 0, Set.of(0));

        assertThat(audit.outstanding(Set.of())).isEqualTo(3);
        assertThat(audit.outstanding(Set.of(1))).as("ben's was retried on node0 and may still come").isEqualTo(2);
        assertThat(audit.missingFrom(Set.of(1))).containsOnlyKeys("ana", "ben")
                .containsEntry("ana", Set.of(MessageAudit.sk("ana", "e1")));
    }

    @Test
    void has_tells_whether_a_player_holds_a_copy_by_either_path() {
        audit.receiveCaughtUp("ana", "s1", individual("ana", "e1"));

        assertThat(audit.has("ana", MessageAudit.sk("ana", "e1"))).isTrue();
        assertThat(audit.has("ben", MessageAudit.sk("ana", "e1"))).isFalse();
    }
}
