package io.herald.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemberLogTest {
    private static final long EPOCH = 7;

    private final MemberLog log = new MemberLog("r", 100);

    private static Frame.RoomMessage message(long offset) {
        return new Frame.RoomMessage("r", offset, EPOCH, "m" + offset, "p", "t" + offset);
    }

    /** A copy whose messageId was first seen at its own offset, as when the server is consistent. */
    private void receive(long offset, long atNanos) {
        log.receive(message(offset), offset, atNanos);
    }

    @Test
    void copies_in_offset_order_after_the_head_are_kept_with_their_arrival_times() {
        log.subscribed(0, EPOCH);
        receive(1, 10);
        receive(2, 20);
        receive(3, 30);

        assertThat(log.arrival(2)).hasValue(20);
        assertThat(log.arrival(4)).isEmpty();
        assertThat(log.duplicated() + log.outOfOrder() + log.gaps() + log.strays()).isZero();
        assertThat(log.position()).isEqualTo(new SeenPosition(3, EPOCH));
        assertThat(log.replayed(2)).isFalse();
    }

    @Test
    void a_second_copy_of_an_offset_is_a_duplicate_and_keeps_the_first_arrival() {
        log.subscribed(0, EPOCH);
        receive(1, 10);
        receive(1, 15);

        assertThat(log.duplicated()).isEqualTo(1);
        assertThat(log.arrival(1)).hasValue(10);
    }

    @Test
    void a_messageId_already_received_under_another_offset_is_a_duplicate_too() {
        log.subscribed(0, EPOCH);
        receive(1, 10);

        log.receive(new Frame.RoomMessage("r", 2, EPOCH, "m1", "p", "t1"), 1, 20);

        assertThat(log.duplicated()).isEqualTo(1);
        assertThat(log.arrival(2)).isEmpty();
    }

    @Test
    void a_copy_below_the_highest_received_came_out_of_order_and_the_one_that_skipped_ahead_is_a_gap() {
        log.subscribed(0, EPOCH);
        receive(1, 10);
        receive(3, 20);
        assertThat(log.position().offset()).isEqualTo(1);

        receive(2, 30);

        assertThat(log.gaps()).isEqualTo(1);
        assertThat(log.outOfOrder()).isEqualTo(1);
        assertThat(log.duplicated()).isZero();
        assertThat(log.position().offset()).isEqualTo(3);
    }

    @Test
    void copies_of_another_room_or_from_before_the_subscription_or_past_the_run_are_strays_and_not_kept() {
        log.subscribed(5, EPOCH);
        log.receive(new Frame.RoomMessage("other", 6, EPOCH, "x", "p", "x"), 6, 1);
        receive(5, 2);
        receive(106, 3);
        receive(6, 4);

        assertThat(log.strays()).isEqualTo(3);
        assertThat(log.arrival(5)).isEmpty();
        assertThat(log.arrival(106)).isEmpty();
        assertThat(log.arrival(6)).hasValue(4);
        assertThat(log.outOfOrder() + log.gaps()).isZero();
    }

    @Test
    void copies_between_begin_and_end_of_a_replay_are_flagged_replayed_and_listed_in_order() {
        log.subscribed(0, EPOCH);
        receive(1, 10);
        log.beginReplay();
        receive(2, 20);
        receive(3, 30);
        receive(3, 31);
        log.endReplay();
        receive(4, 40);

        assertThat(log.replayOffsets()).containsExactly(2L, 3L, 3L);
        assertThat(log.lastReplayNanos()).hasValue(31);
        assertThat(log.replayed(2)).isTrue();
        assertThat(log.replayed(4)).isFalse();
        assertThat(log.duplicated()).isEqualTo(1);
    }

    @Test
    void missing_counts_offsets_not_yet_arrived_and_every_kept_offset_is_listed_in_order() {
        log.subscribed(0, EPOCH);
        receive(2, 1);
        receive(1, 2);
        receive(70, 3);

        List<Long> kept = new ArrayList<>();
        log.forEachReceived(kept::add);

        assertThat(log.missing(new long[] {1, 2, 3, 70, 71})).isEqualTo(2);
        assertThat(kept).containsExactly(1L, 2L, 70L);
    }
}
