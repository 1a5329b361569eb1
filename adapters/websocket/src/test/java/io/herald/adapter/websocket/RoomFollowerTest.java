package io.herald.adapter.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One subscription's ordering: held until started, each offset once, in order, and never held back for long. */
class RoomFollowerTest {
    private final List<String> written = new ArrayList<>();
    private final List<ByteBuf> handedOut = new ArrayList<>();
    private final List<RoomFollower> timers = new ArrayList<>();
    private boolean open = true;
    private final RoomFollower follower = new RoomFollower(new RoomFollower.Sink() {
        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void write(ByteBuf frame) {
            written.add(frame.toString(StandardCharsets.UTF_8));
            frame.release();
        }
    }, timers::add);

    private void offer(long offset) {
        ByteBuf frame = Unpooled.copiedBuffer("m" + offset, StandardCharsets.UTF_8);
        handedOut.add(frame);
        follower.offer(offset, frame);
    }

    @Test
    void live_messages_wait_for_the_replay_and_those_it_already_carried_are_dropped() {
        offer(3);
        offer(4);
        offer(5);

        follower.start(List.of("m2", "m3", "m4", "subscribed"), 4);
        offer(6);

        assertThat(written).containsExactly("m2", "m3", "m4", "subscribed", "m5", "m6");
        assertThat(handedOut).allSatisfy(frame -> assertThat(frame.refCnt()).isZero());
    }

    @Test
    void a_message_that_overtook_another_waits_for_it_and_a_duplicate_is_dropped() {
        follower.start(List.of("subscribed"), 0);
        offer(1);
        offer(3);
        offer(1);
        offer(2);

        assertThat(written).containsExactly("subscribed", "m1", "m2", "m3");
        assertThat(timers).hasSize(1);
        assertThat(handedOut).allSatisfy(frame -> assertThat(frame.refCnt()).isZero());
    }

    @Test
    void a_gap_that_never_fills_is_given_up_when_its_timer_fires() {
        follower.start(List.of(), 10);
        offer(12);
        offer(13);

        assertThat(written).isEmpty();
        timers.getFirst().gapTimedOut();

        assertThat(written).containsExactly("m12", "m13");
        offer(14);
        assertThat(written).containsExactly("m12", "m13", "m14");
    }

    @Test
    void a_closed_follower_releases_what_it_held_and_writes_nothing_more() {
        offer(1);
        follower.close();
        offer(2);
        follower.start(List.of("subscribed"), 0);

        assertThat(written).isEmpty();
        assertThat(handedOut).allSatisfy(frame -> assertThat(frame.refCnt()).isZero());
    }

    @Test
    void nothing_is_written_to_a_socket_that_has_closed() {
        follower.start(List.of(), 0);
        open = false;
        offer(1);

        assertThat(written).isEmpty();
        assertThat(handedOut.getFirst().refCnt()).isZero();
    }
}
