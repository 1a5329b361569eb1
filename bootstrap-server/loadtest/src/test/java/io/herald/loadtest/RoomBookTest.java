package io.herald.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoomBookTest {
    private static final long EPOCH = 9;

    private final RoomBook book = new RoomBook("r");

    private static Frame.RoomMessage copy(long offset, String messageId, String text) {
        return new Frame.RoomMessage("r", offset, EPOCH, messageId, "p", text);
    }

    private static Frame.RoomSent sent(long offset, String messageId, String clientMessageId) {
        return new Frame.RoomSent("r", offset, EPOCH, messageId, false, clientMessageId);
    }

    @Test
    void a_send_answered_and_copied_consistently_is_no_mismatch_and_is_owed_at_its_offset() {
        book.subscribed(new Frame.RoomSubscribed("r", false, 0, 0, EPOCH));
        book.sent("a", RoomBook.Phase.LIVE, 100);
        assertThat(book.received(copy(1, "m1", "a"))).isEqualTo(1);
        book.answered(sent(1, "m1", "a"));
        assertThat(book.received(copy(1, "m1", "a"))).isEqualTo(1);

        RoomBook.Send send = book.sends().iterator().next();
        assertThat(book.mismatches()).isZero();
        assertThat(book.answeredOffsets()).containsExactly(1);
        assertThat(book.offsetOf(send)).hasValue(1);
        assertThat(book.textAt(1)).isEqualTo("a");
        assertThat(book.epoch()).hasValue(EPOCH);
    }

    @Test
    void two_different_copies_at_one_offset_are_a_mismatch() {
        book.received(copy(1, "m1", "a"));
        book.received(copy(1, "m2", "b"));

        assertThat(book.mismatches()).isEqualTo(1);
        assertThat(book.examples()).singleElement().asString().contains("offset 1");
    }

    @Test
    void one_messageId_under_two_offsets_is_a_mismatch_and_names_where_it_was_first() {
        book.received(copy(1, "m1", "a"));

        assertThat(book.received(copy(2, "m1", "a"))).isEqualTo(1);
        assertThat(book.mismatches()).isEqualTo(1);
    }

    @Test
    void a_room_sent_that_disagrees_with_the_copies_or_answers_no_send_is_a_mismatch() {
        book.sent("a", RoomBook.Phase.LIVE, 0);
        book.received(copy(1, "m1", "a"));
        book.answered(sent(2, "m1", "a"));
        book.answered(sent(3, "m3", "never-sent"));

        assertThat(book.mismatches()).isEqualTo(2);
    }

    @Test
    void a_copy_or_subscription_of_another_epoch_is_a_mismatch() {
        book.subscribed(new Frame.RoomSubscribed("r", false, 0, 0, EPOCH));
        book.subscribed(new Frame.RoomSubscribed("r", false, 0, 0, EPOCH + 1));
        book.received(new Frame.RoomMessage("r", 1, EPOCH + 1, "m1", "p", "a"));

        assertThat(book.mismatches()).isEqualTo(2);
    }

    @Test
    void a_refused_send_is_owed_to_nobody_and_an_unanswered_one_is_found_by_its_copies() {
        book.sent("refused", RoomBook.Phase.LIVE, 0);
        book.sent("unanswered", RoomBook.Phase.LIVE, 0);
        book.refused("refused", "rate_limited slow down");
        book.received(copy(4, "m4", "unanswered"));

        assertThat(book.sends()).filteredOn(RoomBook.Send::refused).extracting(RoomBook.Send::clientMessageId)
                .containsExactly("refused");
        assertThat(book.answeredOffsets()).isEmpty();
        RoomBook.Send unanswered = book.sends().stream().filter(send -> !send.refused()).findFirst().orElseThrow();
        assertThat(book.offsetOf(unanswered)).hasValue(4);
    }
}
