package io.herald.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The member's frame routing, fed arrivals directly: no socket is needed for what it books. */
class RoomMemberTest {
    private final RegisteredPlayer player = new RegisteredPlayer("T", "s1", "p1", "room-r0-m3", "ws://h/ws", "t");
    private final RoomBook book = new RoomBook("r");
    private final MemberLog log = new MemberLog("r", 100);
    private final Troubles troubles = new Troubles();
    private final NodeTally tally = new NodeTally(2);
    private final RoomMember member = new RoomMember(0, 3, player, 1, book, log, troubles, tally);

    private void arrive(Frame frame, long atNanos) {
        member.onArrival(new Arrival(7, 1, player, frame, atNanos));
    }

    @Test
    void the_first_room_subscribed_fixes_where_the_member_starts_and_the_rooms_epoch() {
        arrive(new Frame.RoomSubscribed("r", false, 0, 4, 9), 1);
        arrive(new Frame.RoomMessage("r", 4, 9, "m4", "p", "old"), 2);
        arrive(new Frame.RoomMessage("r", 5, 9, "m5", "p", "new"), 3);

        assertThat(log.position()).isEqualTo(new SeenPosition(5, 9));
        assertThat(log.strays()).isEqualTo(1);
        assertThat(book.epoch()).hasValue(9);
        assertThat(tally.deliveries(1)).isEqualTo(2);
    }

    @Test
    void room_sent_answers_the_send_in_the_book_and_an_error_naming_a_send_refuses_it() {
        book.sent("r0-s3-L1", RoomBook.Phase.LIVE, 0);
        book.sent("r0-s3-L2", RoomBook.Phase.LIVE, 0);

        arrive(new Frame.RoomSent("r", 1, 9, "m1", false, "r0-s3-L1"), 5);
        arrive(new Frame.ServerError("rate_limited", "slow down", "\"r0-s3-L2\""), 6);

        assertThat(book.answeredOffsets()).containsExactly(1);
        assertThat(book.sends()).filteredOn(RoomBook.Send::refused).extracting(RoomBook.Send::refusal)
                .containsExactly("rate_limited slow down");
        assertThat(troubles.errorFrames()).isEqualTo(1);
        assertThat(troubles.examples()).singleElement().asString().contains("room-r0-m3", "rate_limited");
    }

    @Test
    void frames_it_does_not_book_go_to_the_troubles_of_the_run() {
        arrive(new Frame.Malformed("not JSON", "x"), 1);
        arrive(new Frame.Pong(), 2);

        assertThat(troubles.malformedFrames()).isEqualTo(1);
        assertThat(troubles.pongs()).isEqualTo(1);
    }
}
