package io.herald.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PlayerSessionTest {
    /** The test seam: frames the session sends land in a list instead of on a socket. */
    private static final class RecordingOutbox implements Outbox {
        final List<String> sent = new ArrayList<>();
        boolean closed;
        boolean aborted;

        @Override
        public void send(String frame) {
            sent.add(frame);
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public void abort() {
            aborted = true;
        }
    }

    private final RegisteredPlayer player = new RegisteredPlayer("ABC234", "s1", "p1", "Ana", "ws://127.0.0.1:8080/ws", "t");
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final List<Arrival> arrivals = new ArrayList<>();
    private final Instant now = Instant.parse("2026-05-06T07:08:09Z");
    private final PlayerSession session = new PlayerSession(3, 1, player, outbox, arrivals::add,
            Clock.fixed(now, ZoneOffset.UTC));

    @Test
    void starting_sends_join_session_and_the_joined_answer_completes_the_join() {
        CompletableFuture<Void> joined = session.start();
        assertThat(outbox.sent).containsExactly(WireFrames.joinSession("s1", "p1"));
        assertThat(joined).isNotDone();

        session.onText("{\"type\":\"joined\",\"sessionId\":\"s1\",\"playerId\":\"p1\"}", 42);

        assertThat(joined).isCompleted();
        assertThat(arrivals).containsExactly(new Arrival(3, 1, player, new Frame.Joined("s1", "p1"), 42));
        assertThat(session.joinedAtNanos()).hasValue(42);
    }

    @Test
    void an_ai_message_is_acknowledged_with_its_sk_and_handed_on_with_its_arrival_time() {
        session.onText("{\"type\":\"ai_message\",\"messageId\":\"m\",\"sk\":\"ai-msg#p1#e\",\"sessionId\":\"s1\"}", 7);

        assertThat(outbox.sent).containsExactly(WireFrames.delivered("s1", "ai-msg#p1#e", now));
        assertThat(arrivals).extracting(Arrival::atNanos).containsExactly(7L);
    }

    @Test
    void an_error_before_joined_fails_the_join_with_the_servers_code() {
        CompletableFuture<Void> joined = session.start();

        session.onText("{\"type\":\"error\",\"code\":\"BAD_TOKEN\",\"message\":\"expired\"}", 1);

        assertThat(joined).isCompletedExceptionally();
        assertThat(joined.exceptionNow()).hasMessageContaining("BAD_TOKEN");
    }

    @Test
    void an_error_after_joined_leaves_the_session_joined_and_open() {
        CompletableFuture<Void> joined = session.start();
        session.onText("{\"type\":\"joined\"}", 1);

        session.onText("{\"type\":\"error\",\"code\":\"BAD_FRAME\",\"message\":\"m\"}", 2);

        assertThat(joined).isCompleted();
        assertThat(session.isOpen()).isTrue();
        assertThat(arrivals).hasSize(2);
    }

    @Test
    void a_close_the_tool_did_not_ask_for_is_a_drop_and_fails_a_pending_join() {
        CompletableFuture<Void> joined = session.start();

        session.onClosed("closed with 1011 overloaded");

        assertThat(session.dropped()).isTrue();
        assertThat(session.closedBecause()).isEqualTo("closed with 1011 overloaded");
        assertThat(joined).isCompletedExceptionally();
    }

    @Test
    void a_close_the_tool_asked_for_is_not_a_drop_and_is_sent_once() {
        session.close();
        session.close();
        session.onClosed("closed with 1000");

        assertThat(outbox.closed).isTrue();
        assertThat(session.isOpen()).isFalse();
        assertThat(session.dropped()).isFalse();
    }

    @Test
    void ping_sends_a_ping_frame() {
        session.ping();

        assertThat(outbox.sent).containsExactly("{\"type\":\"ping\"}");
    }

    @Test
    void a_caught_up_message_is_acknowledged_like_a_pushed_one() {
        session.acknowledge("s1", "ai-msg#p1#e2");

        assertThat(outbox.sent).containsExactly(WireFrames.delivered("s1", "ai-msg#p1#e2", now));
    }

    @Test
    void the_end_of_a_connection_completes_its_ended_future_once_with_the_first_reason() {
        assertThat(session.ended()).isNotDone();
        assertThat(session.endedAtNanos()).isEmpty();

        session.onClosed("closed with 1006");
        session.onClosed("closed again");

        assertThat(session.ended()).isCompletedWithValue("closed with 1006");
        assertThat(session.endedAtNanos()).isPresent();
    }

    @Test
    void abandoning_an_open_connection_aborts_it_at_once_and_is_not_a_drop() {
        session.abandon("node1 died");

        assertThat(outbox.aborted).isTrue();
        assertThat(session.isOpen()).isFalse();
        assertThat(session.dropped()).isFalse();
        assertThat(session.ended()).isCompletedWithValue("node1 died");
    }

    @Test
    void abandoning_a_connection_that_already_dropped_leaves_it_counted_as_a_drop() {
        session.onClosed("connection reset");

        session.abandon("node1 died");

        assertThat(session.dropped()).isTrue();
        assertThat(session.closedBecause()).isEqualTo("connection reset");
    }

    @Test
    void room_frames_go_out_without_a_join_and_come_back_to_the_listener() {
        session.subscribeRoom("lt-r0", Optional.of(new SeenPosition(4, 9)));
        session.sendToRoom("lt-r0", "r0-s0-L1", "r0-s0-L1");
        session.onText("{\"type\":\"room_subscribed\",\"roomId\":\"lt-r0\",\"recovered\":true,\"replayed\":0,"
                + "\"offset\":4,\"epoch\":9}", 11);

        assertThat(outbox.sent).containsExactly(WireFrames.roomSubscribe("lt-r0", Optional.of(new SeenPosition(4, 9))),
                WireFrames.roomSend("lt-r0", "r0-s0-L1", "r0-s0-L1"));
        assertThat(arrivals).extracting(Arrival::frame)
                .containsExactly(new Frame.RoomSubscribed("lt-r0", true, 0, 4, 9));
    }
}
