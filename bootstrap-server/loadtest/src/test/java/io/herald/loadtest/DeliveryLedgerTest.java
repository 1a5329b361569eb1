package io.herald.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryLedgerTest {
    private final DeliveryLedger ledger = new DeliveryLedger();

    @Test
    void every_expected_key_received_once_is_clean_and_timed_from_its_cause() {
        ledger.expect("a", 1_000);
        ledger.expect("b", 2_000);
        ledger.receive(1, "a", 1_500);
        ledger.receive(2, "b", 2_700);

        Reconciliation result = ledger.reconcile();

        assertThat(result.clean()).isTrue();
        assertThat(result.expected()).isEqualTo(2);
        assertThat(result.delivered()).isEqualTo(2);
        assertThat(result.latency().max()).isEqualTo(700);
        assertThat(result.lastArrivalNanos()).hasValue(2_700);
    }

    @Test
    void an_expected_key_never_received_is_lost() {
        ledger.expect("a", 0);
        ledger.expect("b", 0);
        ledger.receive(1, "a", 10);

        Reconciliation result = ledger.reconcile();

        assertThat(result.lost()).isEqualTo(1);
        assertThat(result.delivered()).isEqualTo(1);
        assertThat(ledger.outstanding()).isEqualTo(1);
    }

    @Test
    void each_extra_copy_on_the_same_connection_counts_as_one_duplicate() {
        ledger.expect("a", 0);
        ledger.receive(1, "a", 10);
        ledger.receive(1, "a", 20);
        ledger.receive(1, "a", 30);

        Reconciliation result = ledger.reconcile();

        assertThat(result.duplicated()).isEqualTo(2);
        assertThat(result.delivered()).isEqualTo(1);
        assertThat(result.latency().max()).as("latency is taken from the first copy").isEqualTo(10);
    }

    @Test
    void the_same_key_on_two_connections_of_a_player_is_not_a_duplicate() {
        ledger.expect("a", 0);
        ledger.receive(1, "a", 10);
        ledger.receive(2, "a", 12);

        assertThat(ledger.reconcile().duplicated()).isZero();
    }

    @Test
    void every_receipt_of_a_key_nobody_expected_is_unexpected() {
        ledger.expect("a", 0);
        ledger.receive(1, "a", 10);
        ledger.receive(1, "stray", 11);
        ledger.receive(2, "stray", 12);

        Reconciliation result = ledger.reconcile();

        assertThat(result.unexpected()).isEqualTo(2);
        assertThat(result.duplicated()).isZero();
        assertThat(result.clean()).isFalse();
    }

    @Test
    void a_frame_that_arrives_before_its_expectation_is_booked_still_counts_as_delivered() {
        ledger.receive(1, "a", 50);
        assertThat(ledger.outstanding()).isZero();

        ledger.expect("a", 20);

        Reconciliation result = ledger.reconcile();
        assertThat(result.clean()).isTrue();
        assertThat(result.latency().p50()).isEqualTo(30);
    }

    @Test
    void the_last_arrival_ignores_unexpected_frames() {
        ledger.expect("a", 0);
        ledger.receive(1, "a", 10);
        ledger.receive(1, "stray", 99);

        assertThat(ledger.reconcile().lastArrivalNanos()).hasValue(10);
        assertThat(ledger.firstArrival("a")).hasValue(10);
        assertThat(ledger.firstArrival("missing")).isEmpty();
    }
}
