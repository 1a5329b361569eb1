package io.herald.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.application.spi.PendingEvents;
import io.herald.domain.GameEvent;
import io.herald.domain.Milestone;
import io.herald.domain.NodeComplete;
import io.herald.domain.NodeId;
import io.herald.domain.ObjectArrive;
import io.herald.domain.ObjectId;
import io.herald.domain.PeriodicCheck;
import io.herald.domain.PlayerId;
import io.herald.domain.PuzzleId;
import io.herald.domain.PuzzleSubmit;
import io.herald.domain.SessionId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What every {@link PendingEvents} must do: give back exactly the events held and not released, as they were. */
public abstract class PendingEventsContract {
    private static final Instant T0 = ContractTime.base();
    private final SessionId session = new SessionId("s-" + UUID.randomUUID());
    private final PlayerId ana = new PlayerId("ana");

    protected abstract PendingEvents pending();

    private NodeComplete node(String id, Instant at) {
        return new NodeComplete(session, ana, new NodeId(id), at);
    }

    /** Only this test's session: other tests' events may share the store. */
    private List<GameEvent> mine(Instant before) {
        return pending().heldSince(before, 1_000).stream().filter(e -> e.session().equals(session)).toList();
    }

    @Test
    void every_kind_of_event_comes_back_equal_to_the_one_held_with_the_same_id() {
        List<GameEvent> events = List.of(
                node("node-1", T0),
                new ObjectArrive(session, ana, new ObjectId("statue"), T0.plusMillis(1)),
                new PuzzleSubmit(session, ana, new PuzzleId("riddle"), true, 3, T0.plusMillis(2)),
                new Milestone(session, new ObjectId("gate"), T0.plusMillis(3)),
                new PeriodicCheck(session, T0.plusMillis(4)));
        for (int i = 0; i < events.size(); i++) {
            pending().hold(events.get(i), T0.plusSeconds(i));
        }

        List<GameEvent> held = mine(T0.plusSeconds(60));

        assertThat(held).containsExactlyElementsOf(events);
        assertThat(held).extracting(GameEvent::id).containsExactlyElementsOf(events.stream().map(GameEvent::id).toList());
    }

    @Test
    void a_released_event_is_no_longer_held_and_releasing_again_is_harmless() {
        NodeComplete done = node("node-1", T0);
        NodeComplete open = node("node-2", T0);
        pending().hold(done, T0);
        pending().hold(open, T0);

        pending().release(done);
        pending().release(done);

        assertThat(mine(T0.plusSeconds(1))).containsExactly(open);
    }

    @Test
    void holding_the_same_event_twice_keeps_it_once_with_its_first_acceptance() {
        NodeComplete event = node("node-1", T0);
        pending().hold(event, T0);
        pending().hold(event, T0.plusSeconds(30));

        assertThat(mine(T0.plusSeconds(1))).containsExactly(event);
    }

    @Test
    void only_events_accepted_before_the_given_time_are_given_oldest_first() {
        NodeComplete older = node("node-1", T0);
        NodeComplete newer = node("node-2", T0);
        pending().hold(newer, T0.plusSeconds(20));
        pending().hold(older, T0.plusSeconds(10));

        assertThat(mine(T0.plusSeconds(15))).containsExactly(older);
        assertThat(mine(T0.plusSeconds(25))).containsExactly(older, newer);
    }

    @Test
    void at_most_the_limit_is_given() {
        IntStream.range(0, 30).forEach(i -> pending().hold(node("node-" + i, T0), T0.minusSeconds(3_600).plusMillis(i)));

        assertThat(pending().heldSince(T0, 7)).hasSize(7);
    }
}
