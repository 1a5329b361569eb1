package io.herald.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.application.port.CooldownEffect;
import io.herald.application.port.CooldownGuard;
import io.herald.application.port.EventClaim;
import io.herald.application.port.MessageStore;
import io.herald.application.port.PageRequest;
import io.herald.application.port.Settlement;
import io.herald.domain.CooldownWindow;
import io.herald.domain.EventId;
import io.herald.domain.EventType;
import io.herald.domain.InboxKey;
import io.herald.domain.MessageId;
import io.herald.domain.MessageType;
import io.herald.domain.OutgoingMessage;
import io.herald.domain.PlayerId;
import io.herald.domain.Sender;
import io.herald.domain.SessionId;
import io.herald.domain.Trigger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The short way of {@link MessageStore#settle}: claim, cooldown and copies as one step. Run against the fake and the
 * real adapter; {@link #guard()} must see the windows the store opens (they share one table, or one lock).
 */
public abstract class SettlementContract {
    private static final Instant T0 = ContractTime.base();

    private final SessionId session = new SessionId("s-" + UUID.randomUUID());
    private final PlayerId ana = new PlayerId("ana");
    private final PlayerId ben = new PlayerId("ben");
    private int events;

    protected abstract MessageStore store();

    protected abstract CooldownGuard guard();

    private EventId newEvent() {
        return new EventId("NodeComplete-" + String.format("%016x", ++events));
    }

    private OutgoingMessage message(EventId event, List<PlayerId> recipients) {
        MessageType type = recipients.size() == 1 ? MessageType.INDIVIDUAL : MessageType.BROADCAST;
        return new OutgoingMessage(new MessageId("msg-" + UUID.randomUUID()), type, session, recipients, Sender.AI,
                "Well done! " + event.value(), new Trigger(event, EventType.NODE_COMPLETE), T0);
    }

    private static CooldownWindow window(EventId event, Instant until) {
        return new CooldownWindow(event, until);
    }

    private CooldownEffect.Open opens(PlayerId player, EventId event) {
        return new CooldownEffect.Open(player, window(event, T0.plusSeconds(300)));
    }

    private boolean isStored(OutgoingMessage message, PlayerId player) {
        return store().find(session, new InboxKey(player, message.trigger().eventId()), T0).isPresent();
    }

    @Test
    void a_settled_message_is_stored_for_its_recipient_owed_to_catch_up_and_its_event_is_done() {
        EventId event = newEvent();
        OutgoingMessage message = message(event, List.of(ana));

        assertThat(store().settle(message, opens(ana, event), T0)).isEqualTo(new Settlement.Stored(message));

        assertThat(store().undelivered(session, ana, T0, PageRequest.first(10)).messages())
                .singleElement().satisfies(copy -> assertThat(copy.messageId()).isEqualTo(message.messageId()));
        assertThat(store().claim(session, event, T0.plusSeconds(1))).isEqualTo(new EventClaim.AlreadyDone(event));
    }

    @Test
    void settling_the_same_event_again_with_another_text_changes_nothing() {
        EventId event = newEvent();
        OutgoingMessage first = message(event, List.of(ana));
        store().settle(first, new CooldownEffect.None(), T0);

        assertThat(store().settle(message(event, List.of(ana)), new CooldownEffect.None(), T0.plusSeconds(1)))
                .isEqualTo(new Settlement.AlreadyDone(event));
        assertThat(store().find(session, new InboxKey(ana, event), T0).orElseThrow().messageId())
                .isEqualTo(first.messageId());
    }

    @Test
    void a_settled_individual_message_opens_the_players_window_for_other_events() {
        EventId event = newEvent();
        store().settle(message(event, List.of(ana)), opens(ana, event), T0);

        assertThat(guard().tryOpen(session, ana, window(newEvent(), T0.plusSeconds(400)), T0.plusSeconds(100)))
                .contains(window(event, T0.plusSeconds(300)));
        assertThat(guard().tryOpen(session, ben, window(newEvent(), T0.plusSeconds(400)), T0.plusSeconds(100)))
                .isEmpty();
    }

    @Test
    void a_window_held_by_another_event_stores_nothing_and_finishes_the_event_without_a_message() {
        EventId earlier = newEvent();
        guard().tryOpen(session, ana, window(earlier, T0.plusSeconds(300)), T0);
        EventId event = newEvent();
        OutgoingMessage message = message(event, List.of(ana));

        assertThat(store().settle(message, opens(ana, event), T0.plusSeconds(10)))
                .isEqualTo(new Settlement.CoolingDown(window(earlier, T0.plusSeconds(300))));

        assertThat(isStored(message, ana)).isFalse();
        assertThat(store().settle(message, opens(ana, event), T0.plusSeconds(400)))
                .isEqualTo(new Settlement.AlreadyDone(event));
    }

    @Test
    void a_broadcast_stores_a_copy_for_everyone_and_restarts_every_recipients_window() {
        EventId running = newEvent();
        guard().tryOpen(session, ana, window(running, T0.plusSeconds(300)), T0);
        EventId milestone = newEvent();
        List<PlayerId> team = List.of(ana, ben, new PlayerId("cal"));
        OutgoingMessage broadcast = message(milestone, team);

        assertThat(store().settle(broadcast, new CooldownEffect.Restart(team, window(milestone, T0.plusSeconds(500))),
                T0.plusSeconds(10))).isEqualTo(new Settlement.Stored(broadcast));

        assertThat(team).allMatch(player -> isStored(broadcast, player));
        for (PlayerId player : team) {
            assertThat(guard().tryOpen(session, player, window(newEvent(), T0.plusSeconds(900)), T0.plusSeconds(400)))
                    .contains(window(milestone, T0.plusSeconds(500)));
        }
    }

    @Test
    void with_no_cooldown_effect_no_window_is_opened() {
        EventId event = newEvent();
        store().settle(message(event, List.of(ana)), new CooldownEffect.None(), T0);

        assertThat(guard().tryOpen(session, ana, window(newEvent(), T0.plusSeconds(300)), T0.plusSeconds(1))).isEmpty();
    }

    @Test
    void an_event_claimed_the_long_way_is_not_for_one_step_and_nothing_is_written() {
        EventId event = newEvent();
        store().claim(session, event, T0);
        OutgoingMessage message = message(event, List.of(ana));

        assertThat(store().settle(message, opens(ana, event), T0.plusSeconds(1)))
                .isEqualTo(new Settlement.NotInOneStep(event));

        assertThat(isStored(message, ana)).isFalse();
        assertThat(guard().tryOpen(session, ana, window(newEvent(), T0.plusSeconds(300)), T0.plusSeconds(2))).isEmpty();
    }

    @Test
    void an_event_finished_the_long_way_is_already_done() {
        EventId event = newEvent();
        EventClaim.Granted claim = (EventClaim.Granted) store().claim(session, event, T0);
        store().save(claim, message(event, List.of(ana)));

        assertThat(store().settle(message(event, List.of(ana)), new CooldownEffect.None(), T0.plusSeconds(1)))
                .isEqualTo(new Settlement.AlreadyDone(event));
    }

    @Test
    void twenty_events_for_one_player_settled_at_once_leave_exactly_one_message() throws Exception {
        List<Settlement> outcomes = race(20, i -> {
            EventId event = new EventId("NodeComplete-race" + String.format("%012x", i));
            return store().settle(message(event, List.of(ana)), opens(ana, event), T0);
        });

        assertThat(outcomes).filteredOn(Settlement.Stored.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(Settlement.CoolingDown.class::isInstance).hasSize(19);
        assertThat(store().undelivered(session, ana, T0, PageRequest.first(100)).messages()).hasSize(1);
    }

    @Test
    void one_event_settled_by_twenty_processors_at_once_is_stored_once() throws Exception {
        EventId event = newEvent();
        List<Settlement> outcomes = race(20, i -> store().settle(message(event, List.of(ana)),
                new CooldownEffect.None(), T0));

        assertThat(outcomes).filteredOn(Settlement.Stored.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !(o instanceof Settlement.Stored))
                .allMatch(o -> o.equals(new Settlement.AlreadyDone(event)));
        assertThat(store().undelivered(session, ana, T0, PageRequest.first(100)).messages()).hasSize(1);
    }

    private interface Attempt {
        Settlement run(int index) throws Exception;
    }

    private static List<Settlement> race(int threads, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Settlement>> futures = new ArrayList<>();
            for (int i : IntStream.range(0, threads).toArray()) {
                Callable<Settlement> task = () -> {
                    start.await();
                    return attempt.run(i);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Settlement> outcomes = new ArrayList<>();
            for (Future<Settlement> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
