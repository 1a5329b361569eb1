package io.herald.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.application.port.EventClaim;
import io.herald.application.port.MessagePage;
import io.herald.application.port.MessageStore;
import io.herald.application.port.MessageStore.AckResult;
import io.herald.application.port.PageCursor;
import io.herald.application.port.PageRequest;
import io.herald.domain.Ack;
import io.herald.domain.Delivery;
import io.herald.domain.EventId;
import io.herald.domain.EventType;
import io.herald.domain.InboxKey;
import io.herald.domain.Message;
import io.herald.domain.MessageId;
import io.herald.domain.MessageType;
import io.herald.domain.OutgoingMessage;
import io.herald.domain.PlayerId;
import io.herald.domain.Sender;
import io.herald.domain.SessionId;
import io.herald.domain.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MessageStore} must do, run against the in-memory fake and the real adapter alike. An
 * implementation under test must use {@link #LEASE} as its claim lease.
 */
public abstract class MessageStoreContract {
    public static final Duration LEASE = Duration.ofSeconds(30);
    protected static final Instant T0 = ContractTime.base();

    protected final SessionId session = new SessionId("s-" + UUID.randomUUID());
    protected final PlayerId ana = new PlayerId("ana");
    protected final PlayerId ben = new PlayerId("ben");
    private int events;

    protected abstract MessageStore store();

    /** Makes the next save die after it settled on its message and wrote at most its first 25 copies. */
    protected abstract void interruptNextSave();

    protected EventId newEvent() {
        return new EventId("NodeComplete-" + String.format("%016x", ++events));
    }

    protected OutgoingMessage message(EventId event, Instant createdAt, List<PlayerId> recipients) {
        MessageType type = recipients.size() == 1 ? MessageType.INDIVIDUAL : MessageType.BROADCAST;
        return new OutgoingMessage(new MessageId("msg-" + event.value()), type, session, recipients, Sender.AI,
                "Well done! " + event.value(), new Trigger(event, EventType.NODE_COMPLETE), createdAt);
    }

    protected OutgoingMessage sent(Instant createdAt, PlayerId... recipients) {
        EventId event = newEvent();
        OutgoingMessage message = message(event, createdAt, List.of(recipients));
        EventClaim.Granted claim = (EventClaim.Granted) store().claim(session, event, createdAt);
        store().save(claim, message);
        return message;
    }

    private static InboxKey keyOf(OutgoingMessage message, PlayerId player) {
        return new InboxKey(player, message.trigger().eventId());
    }

    private Message stored(OutgoingMessage message, PlayerId player) {
        return store().find(session, keyOf(message, player), T0).orElseThrow();
    }

    private List<Message> owed(PlayerId player, Instant now) {
        return store().undelivered(session, player, now, PageRequest.first(100)).messages();
    }

    @Test
    void a_new_event_is_granted_with_nothing_pending() {
        EventClaim claim = store().claim(session, newEvent(), T0);

        assertThat(claim).isInstanceOfSatisfying(EventClaim.Granted.class, granted -> {
            assertThat(granted.resumed()).isFalse();
            assertThat(granted.leaseUntil()).isEqualTo(T0.plus(LEASE));
        });
    }

    @Test
    void a_second_claim_while_the_lease_runs_is_held_elsewhere() {
        EventId event = newEvent();
        store().claim(session, event, T0);

        assertThat(store().claim(session, event, T0.plus(LEASE).minusMillis(1)))
                .isEqualTo(new EventClaim.HeldElsewhere(event, T0.plus(LEASE)));
    }

    @Test
    void a_saved_event_is_done_for_every_later_claim_even_long_after_the_lease() {
        OutgoingMessage message = sent(T0, ana);

        assertThat(store().claim(session, message.trigger().eventId(), T0.plus(Duration.ofHours(5))))
                .isEqualTo(new EventClaim.AlreadyDone(message.trigger().eventId()));
    }

    @Test
    void an_event_finished_without_a_message_is_done_and_stores_nothing() {
        EventId event = newEvent();
        store().finishWithoutMessage((EventClaim.Granted) store().claim(session, event, T0));

        assertThat(store().claim(session, event, T0.plus(LEASE))).isEqualTo(new EventClaim.AlreadyDone(event));
        assertThat(store().find(session, new InboxKey(ana, event), T0)).isEmpty();
    }

    @Test
    void a_lapsed_claim_is_taken_over_and_its_old_holder_can_no_longer_save() {
        EventId event = newEvent();
        EventClaim.Granted first = (EventClaim.Granted) store().claim(session, event, T0);

        EventClaim second = store().claim(session, event, T0.plus(LEASE));

        assertThat(second).isInstanceOf(EventClaim.Granted.class);
        assertThat(((EventClaim.Granted) second).holder()).isNotEqualTo(first.holder());
        assertThatThrownBy(() -> store().save(first, message(event, T0, List.of(ana))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_processor_that_died_mid_save_is_finished_by_the_next_with_the_same_message_without_rewriting_copies() {
        // More copies than one atomic write takes, so the save records its message and writes the copies in parts.
        List<PlayerId> team = IntStream.range(0, 150).mapToObj(i -> new PlayerId("p" + i)).toList();
        EventId event = newEvent();
        OutgoingMessage message = message(event, T0, team);
        EventClaim.Granted first = (EventClaim.Granted) store().claim(session, event, T0);
        interruptNextSave();
        assertThatThrownBy(() -> store().save(first, message)).isInstanceOf(RuntimeException.class);
        List<PlayerId> written = team.stream()
                .filter(p -> store().find(session, new InboxKey(p, event), T0).isPresent()).toList();
        written.forEach(p -> store().acknowledge(session, new InboxKey(p, event), Ack.READ, T0.plusSeconds(1)));

        EventClaim.Granted takeover = (EventClaim.Granted) store().claim(session, event, T0.plus(LEASE));
        store().save(takeover, takeover.pending().orElseThrow());

        assertThat(takeover.pending()).contains(message);
        assertThat(team).allSatisfy(p -> assertThat(store().find(session, new InboxKey(p, event), T0)).isPresent());
        assertThat(written).allSatisfy(p -> assertThat(store().find(session, new InboxKey(p, event), T0)
                .orElseThrow().delivery()).isInstanceOf(Delivery.Read.class));
        assertThat(store().claim(session, event, T0.plus(LEASE.multipliedBy(3)))).isInstanceOf(EventClaim.AlreadyDone.class);
    }

    @Test
    void save_stores_one_copy_per_recipient_sharing_the_message_id() {
        OutgoingMessage message = sent(T0, ana, ben);

        assertThat(List.of(stored(message, ana), stored(message, ben))).containsExactlyElementsOf(message.fanOut());
    }

    @Test
    void a_thousand_recipient_broadcast_is_written_and_read_back() {
        List<PlayerId> crowd = IntStream.range(0, 1_000).mapToObj(i -> new PlayerId("player-" + i)).toList();
        OutgoingMessage message = sent(T0, crowd.toArray(PlayerId[]::new));

        List<Message> readBack = new ArrayList<>();
        for (PlayerId player : crowd) {
            readBack.addAll(owed(player, T0));
        }

        assertThat(readBack).containsExactlyElementsOf(message.fanOut());
    }

    @Test
    void delivered_then_read_are_recorded_once_each() {
        OutgoingMessage message = sent(T0, ana);
        InboxKey key = keyOf(message, ana);

        assertThat(store().acknowledge(session, key, Ack.DELIVERED, T0.plusSeconds(1))).isEqualTo(AckResult.RECORDED);
        assertThat(store().acknowledge(session, key, Ack.DELIVERED, T0.plusSeconds(2))).isEqualTo(AckResult.UNCHANGED);
        assertThat(store().acknowledge(session, key, Ack.READ, T0.plusSeconds(3))).isEqualTo(AckResult.RECORDED);
        assertThat(store().acknowledge(session, key, Ack.READ, T0.plusSeconds(4))).isEqualTo(AckResult.UNCHANGED);

        assertThat(stored(message, ana).delivery()).isEqualTo(new Delivery.Read(T0.plusSeconds(1), T0.plusSeconds(3)));
    }

    /**
     * The domain declares how acks move a copy ({@link Message#acknowledge}); a store applies them with its own
     * conditions, so every sequence of two or three acks is replayed on both and the results must agree.
     */
    @Test
    void every_sequence_of_acks_ends_where_the_domain_says_and_is_recorded_exactly_when_it_moves() {
        List<List<Ack>> sequences = new ArrayList<>();
        for (Ack first : Ack.values()) {
            for (Ack second : Ack.values()) {
                sequences.add(List.of(first, second));
                for (Ack third : Ack.values()) {
                    sequences.add(List.of(first, second, third));
                }
            }
        }
        for (List<Ack> acks : sequences) {
            OutgoingMessage message = sent(T0, ana);
            Message expected = message.fanOut().getFirst();
            for (int i = 0; i < acks.size(); i++) {
                Instant at = T0.plusSeconds(i + 1);
                Message next = expected.acknowledge(acks.get(i), at);
                AckResult result = store().acknowledge(session, keyOf(message, ana), acks.get(i), at);
                assertThat(result).as("%s, ack %d", acks, i + 1)
                        .isEqualTo(next.equals(expected) ? AckResult.UNCHANGED : AckResult.RECORDED);
                expected = next;
            }
            assertThat(stored(message, ana).delivery()).as("%s", acks).isEqualTo(expected.delivery());
        }
    }

    @Test
    void reading_an_undelivered_copy_also_delivers_it() {
        OutgoingMessage message = sent(T0, ana);

        store().acknowledge(session, keyOf(message, ana), Ack.READ, T0.plusSeconds(1));

        assertThat(stored(message, ana).delivery()).isEqualTo(new Delivery.Read(T0.plusSeconds(1), T0.plusSeconds(1)));
        assertThat(owed(ana, T0)).isEmpty();
    }

    @Test
    void an_ack_for_a_missing_or_expired_copy_is_not_found_and_writes_nothing() {
        OutgoingMessage message = sent(T0, ana);
        Instant expired = T0.plus(Message.RETENTION);

        assertThat(store().acknowledge(session, new InboxKey(ana, newEvent()), Ack.DELIVERED, T0))
                .isEqualTo(AckResult.NOT_FOUND);
        assertThat(store().acknowledge(session, keyOf(message, ana), Ack.DELIVERED, expired))
                .isEqualTo(AckResult.NOT_FOUND);
        assertThat(store().acknowledge(new SessionId("other"), keyOf(message, ana), Ack.DELIVERED, T0))
                .isEqualTo(AckResult.NOT_FOUND);
        assertThat(stored(message, ana).delivery()).isEqualTo(new Delivery.Created());
    }

    @Test
    void an_event_redelivered_after_its_copies_were_read_leaves_state_and_text_unchanged() {
        OutgoingMessage message = sent(T0, ana);
        store().acknowledge(session, keyOf(message, ana), Ack.READ, T0.plusSeconds(5));
        Message read = stored(message, ana);

        EventClaim redelivery = store().claim(session, message.trigger().eventId(), T0.plus(Duration.ofMinutes(10)));

        assertThat(redelivery).isInstanceOf(EventClaim.AlreadyDone.class);
        assertThat(stored(message, ana)).isEqualTo(read);
    }

    @Test
    void expired_copies_are_invisible_whether_or_not_the_store_deleted_them() {
        OutgoingMessage message = sent(T0, ana);
        Instant justBefore = message.createdAt().plus(Message.RETENTION).minusNanos(1);
        Instant expiry = message.createdAt().plus(Message.RETENTION);

        assertThat(store().find(session, keyOf(message, ana), justBefore)).isPresent();
        assertThat(owed(ana, justBefore)).hasSize(1);
        assertThat(store().find(session, keyOf(message, ana), expiry)).isEmpty();
        assertThat(owed(ana, expiry)).isEmpty();
    }

    @Test
    void catch_up_returns_only_what_this_player_is_owed_oldest_first() {
        OutgoingMessage second = sent(T0.plusSeconds(20), ana);
        OutgoingMessage first = sent(T0.plusSeconds(10), ana);
        OutgoingMessage delivered = sent(T0.plusSeconds(15), ana);
        sent(T0.plusSeconds(12), ben);
        store().acknowledge(session, keyOf(delivered, ana), Ack.DELIVERED, T0.plusSeconds(30));

        List<Message> owed = owed(ana, T0.plusSeconds(40));

        assertThat(owed).containsExactly(first.fanOut().getFirst(), second.fanOut().getFirst());
    }

    @Test
    void catch_up_pages_through_everything_owed_with_its_cursor() {
        List<OutgoingMessage> messages = IntStream.range(0, 5).mapToObj(i -> sent(T0.plusSeconds(i), ana)).toList();

        List<Message> seen = new ArrayList<>();
        Optional<PageCursor> cursor = Optional.empty();
        int pages = 0;
        do {
            MessagePage page = store().undelivered(session, ana, T0.plusSeconds(10), new PageRequest(cursor, 2));
            seen.addAll(page.messages());
            cursor = page.nextCursor();
            pages++;
        } while (cursor.isPresent() && pages < 10);

        assertThat(seen).containsExactlyElementsOf(messages.stream().map(m -> m.fanOut().getFirst()).toList());
    }

    @Test
    void a_cursor_that_was_not_handed_out_is_refused() {
        sent(T0, ana);

        assertThatThrownBy(() -> store().undelivered(session, ana, T0,
                new PageRequest(Optional.of(new PageCursor("not-a-cursor!")), 5)))
                .isInstanceOf(PageCursor.Invalid.class);
    }

    @Test
    void expired_copies_ahead_of_a_live_one_do_not_end_catch_up_early() {
        IntStream.range(0, 12).forEach(i -> sent(T0.plusMillis(i), ana));
        Instant later = T0.plus(Duration.ofHours(40));
        OutgoingMessage live = sent(later, ana);

        MessagePage page = store().undelivered(session, ana, T0.plus(Message.RETENTION).plusSeconds(1),
                PageRequest.first(5));

        assertThat(page.messages()).containsExactly(live.fanOut().getFirst());
    }
}
