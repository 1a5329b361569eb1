package io.herald.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeltaAuditTest {
    /** ben joined at 10 and stayed; cal joined at 10 but dropped; dan only joined (again) at 500. */
    private static final Map<String, Long> JOINED_THROUGHOUT_SINCE = Map.of("ben", 10L, "dan", 500L);
    private static final DeltaAudit.Presence PRESENCE = (player, since) ->
            JOINED_THROUGHOUT_SINCE.containsKey(player) && JOINED_THROUGHOUT_SINCE.get(player) <= since;

    private final DeltaAudit audit = new DeltaAudit();

    @Test
    void a_delta_owed_to_a_recipient_joined_throughout_is_delivered_or_lost() {
        audit.expect("k1", "ben", 100, Set.of(0), false);
        audit.expect("k2", "ben", 200, Set.of(0), false);
        audit.receive(1, "k1", 130);

        DeltaReconciliation result = audit.reconcile(PRESENCE, Set.of());

        assertThat(result.expected()).isEqualTo(2);
        assertThat(result.delivered()).isEqualTo(1);
        assertThat(result.lost()).isEqualTo(1);
        assertThat(result.latency().max()).isEqualTo(30);
        assertThat(result.clean()).isFalse();
    }

    @Test
    void a_recipient_that_dropped_in_between_or_joined_after_the_event_is_not_owed_the_delta() {
        audit.expect("to-cal", "cal", 100, Set.of(0), false);
        audit.expect("to-dan-before", "dan", 100, Set.of(0), false);
        audit.expect("to-dan-after", "dan", 600, Set.of(0), false);
        audit.receive(7, "to-dan-after", 610);
        audit.receive(3, "to-cal", 105);

        DeltaReconciliation result = audit.reconcile(PRESENCE, Set.of());

        assertThat(result.expected()).isEqualTo(1);
        assertThat(result.delivered()).isEqualTo(1);
        assertThat(result.notExpected()).isEqualTo(2);
        assertThat(result.missedWhileDisconnected()).as("dan's from before he came back").isEqualTo(1);
        assertThat(result.lost()).isZero();
        assertThat(result.clean()).isTrue();
    }

    @Test
    void outstanding_counts_only_what_connected_recipients_still_lack() {
        audit.expect("to-ben", "ben", 100, Set.of(0), false);
        audit.expect("to-cal", "cal", 100, Set.of(0), false);

        assertThat(audit.outstanding(PRESENCE, Set.of())).isEqualTo(1);
        audit.receive(1, "to-ben", 120);
        assertThat(audit.outstanding(PRESENCE, Set.of())).isZero();
    }

    @Test
    void a_missing_delta_of_an_event_posted_to_the_node_that_died_is_counted_apart() {
        audit.expect("k1", "ben", 100, Set.of(1), false);
        audit.expect("k2", "ben", 100, Set.of(0), false);

        DeltaReconciliation result = audit.reconcile(PRESENCE, Set.of(1));

        assertThat(result.diedNode()).isEqualTo(1);
        assertThat(result.lost()).isEqualTo(1);
    }

    @Test
    void deltas_of_events_sent_only_to_a_dead_node_are_not_waited_for() {
        audit.expect("k1", "ben", 100, Set.of(1), false);
        audit.expect("k2", "ben", 100, Set.of(1, 0), true);

        assertThat(audit.outstanding(PRESENCE, Set.of(1))).isEqualTo(1);
    }

    @Test
    void a_second_copy_on_one_connection_is_a_duplicate_unless_the_event_was_posted_twice() {
        audit.expect("once", "ben", 100, Set.of(0), false);
        audit.expect("retried", "ben", 100, Set.of(1, 0), true);
        audit.receive(1, "once", 110);
        audit.receive(1, "once", 111);
        audit.receive(1, "retried", 110);
        audit.receive(1, "retried", 112);
        audit.receive(1, "retried", 113);

        DeltaReconciliation result = audit.reconcile(PRESENCE, Set.of(1));

        assertThat(result.repeatedAfterRetry()).isEqualTo(1);
        assertThat(result.duplicated()).as("one extra of 'once', and a third copy of 'retried'").isEqualTo(2);
    }

    @Test
    void a_delta_nobody_booked_is_unexpected() {
        audit.receive(1, "stray", 5);
        audit.receive(2, "stray", 6);

        assertThat(audit.reconcile(PRESENCE, Set.of()).unexpected()).isEqualTo(2);
    }
}
