package io.herald.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoomAuditTest {
    private static final long EPOCH = 3;

    private final RoomBook book = new RoomBook("r");
    private final MemberLog ana = subscribed();
    private final MemberLog ben = subscribed();

    private static MemberLog subscribed() {
        MemberLog log = new MemberLog("r", 100);
        log.subscribed(0, EPOCH);
        return log;
    }

    /** A send the server stored at {@code offset} and answered. */
    private void send(String id, RoomBook.Phase phase, long sentNanos, long offset) {
        book.sent(id, phase, sentNanos);
        book.answered(new Frame.RoomSent("r", offset, EPOCH, "m" + offset, false, id));
    }

    private void deliver(MemberLog member, long offset, String id, long atNanos) {
        Frame.RoomMessage copy = new Frame.RoomMessage("r", offset, EPOCH, "m" + offset, "p", id);
        member.receive(copy, book.received(copy), atNanos);
    }

    private RoomReconciliation reconcile() {
        return RoomAudit.reconcile(List.of(book), List.of(List.of(ana, ben)));
    }

    @Test
    void every_message_once_at_every_member_is_clean_timed_per_copy_and_to_the_last_member() {
        send("a", RoomBook.Phase.LIVE, 1_000, 1);
        send("b", RoomBook.Phase.LIVE, 2_000, 2);
        deliver(ana, 1, "a", 1_100);
        deliver(ben, 1, "a", 1_400);
        deliver(ana, 2, "b", 2_200);
        deliver(ben, 2, "b", 2_300);

        RoomReconciliation result = reconcile();

        assertThat(result.clean()).isTrue();
        assertThat(result.expected()).isEqualTo(4);
        assertThat(result.delivered()).isEqualTo(4);
        assertThat(result.live().count()).isEqualTo(4);
        assertThat(result.live().max()).isEqualTo(400);
        assertThat(result.sendToLast().count()).isEqualTo(2);
        assertThat(result.sendToLast().p50()).isEqualTo(300);
        assertThat(result.sendToLast().max()).isEqualTo(400);
        assertThat(result.liveDelivered()).isEqualTo(4);
        assertThat(result.liveRate()).isEqualTo(ResultLine.rate(4, 1_300));
        assertThat(RoomAudit.outstanding(List.of(book), List.of(List.of(ana, ben)))).isZero();
    }

    @Test
    void a_copy_a_member_never_got_is_lost_and_its_message_has_no_send_to_last_time() {
        send("a", RoomBook.Phase.LIVE, 0, 1);
        deliver(ana, 1, "a", 10);

        RoomReconciliation result = reconcile();

        assertThat(result.lost()).isEqualTo(1);
        assertThat(result.delivered()).isEqualTo(1);
        assertThat(result.sendToLast().count()).isZero();
        assertThat(result.clean()).isFalse();
        assertThat(RoomAudit.outstanding(List.of(book), List.of(List.of(ana, ben)))).isEqualTo(1);
        assertThat(RoomAudit.outstanding(List.of(book), List.of(List.of(ana)))).isZero();
    }

    @Test
    void a_send_neither_answered_nor_copied_is_lost_at_every_member() {
        book.sent("a", RoomBook.Phase.LIVE, 0);

        assertThat(reconcile().lost()).isEqualTo(2);
    }

    @Test
    void replayed_copies_are_delivered_but_neither_timed_nor_counted_live() {
        send("a", RoomBook.Phase.MISSED, 0, 1);
        deliver(ana, 1, "a", 50);
        ben.beginReplay();
        deliver(ben, 1, "a", 9_000);
        ben.endReplay();

        RoomReconciliation result = reconcile();

        assertThat(result.clean()).isTrue();
        assertThat(result.delivered()).isEqualTo(2);
        assertThat(result.replayed()).isEqualTo(1);
        assertThat(result.live().count()).isEqualTo(1);
        assertThat(result.sendToLast().count()).isZero();
        assertThat(result.liveDelivered()).isZero();
    }

    @Test
    void a_refused_send_is_owed_to_nobody_and_a_copy_of_it_is_unexpected() {
        book.sent("a", RoomBook.Phase.LIVE, 0);
        book.refused("a", "rate_limited");
        deliver(ana, 1, "a", 10);

        RoomReconciliation result = reconcile();

        assertThat(result.expected()).isZero();
        assertThat(result.unexpected()).isEqualTo(1);
        assertThat(result.clean()).isFalse();
    }

    @Test
    void a_copy_of_something_never_sent_is_unexpected_and_one_of_another_room_too() {
        send("a", RoomBook.Phase.LIVE, 0, 1);
        deliver(ana, 1, "a", 1);
        deliver(ben, 1, "a", 1);
        deliver(ana, 2, "stranger", 2);
        ben.receive(new Frame.RoomMessage("other", 1, EPOCH, "x", "p", "a"), 1, 3);

        RoomReconciliation result = reconcile();

        assertThat(result.unexpected()).isEqualTo(2);
        assertThat(result.lost()).isZero();
    }

    @Test
    void duplicates_and_copies_out_of_order_are_summed_over_the_members() {
        send("a", RoomBook.Phase.LIVE, 0, 1);
        send("b", RoomBook.Phase.LIVE, 0, 2);
        deliver(ana, 2, "b", 1);
        deliver(ana, 1, "a", 2);
        deliver(ben, 1, "a", 1);
        deliver(ben, 1, "a", 2);
        deliver(ben, 2, "b", 3);

        RoomReconciliation result = reconcile();

        assertThat(result.duplicated()).isEqualTo(1);
        assertThat(result.outOfOrder()).isEqualTo(1);
        assertThat(result.gaps()).isEqualTo(1);
        assertThat(result.lost()).isZero();
        assertThat(result.clean()).isFalse();
    }
}
