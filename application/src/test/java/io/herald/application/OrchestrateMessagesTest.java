package io.herald.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.application.OrchestrateMessages.CoolingDown;
import io.herald.application.OrchestrateMessages.Duplicate;
import io.herald.application.OrchestrateMessages.Outcome;
import io.herald.application.OrchestrateMessages.Sent;
import io.herald.application.fake.FakeHerald.TestTeam;
import io.herald.application.fake.FakeHerald;
import io.herald.application.fake.ScriptedComposer;
import io.herald.application.port.EventClaim;
import io.herald.application.port.PageRequest;
import io.herald.application.port.Push;
import io.herald.domain.ConnectionId;
import io.herald.domain.Delivery;
import io.herald.domain.FallbackText;
import io.herald.domain.Message;
import io.herald.domain.MessageId;
import io.herald.domain.MessageType;
import io.herald.domain.Milestone;
import io.herald.domain.NodeComplete;
import io.herald.domain.NodeId;
import io.herald.domain.ObjectArrive;
import io.herald.domain.ObjectId;
import io.herald.domain.OutgoingMessage;
import io.herald.domain.PlayerId;
import io.herald.domain.PuzzleId;
import io.herald.domain.PuzzleSubmit;
import io.herald.domain.Sender;
import io.herald.domain.Trigger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Every scenario of the AI message pipeline, run twice by the two subclasses: once with a composer that is paid per
 * call (the event is claimed first) and once with one that costs nothing (composed first, settled in one step).
 */
abstract class OrchestrateMessagesTest {
    /** The composer the scenarios use, as the subclass's kind of composer. */
    protected abstract ScriptedComposer composing(ScriptedComposer script);

    protected final FakeHerald herald = new FakeHerald(composing(ScriptedComposer.answering("Nice work!")));
    protected final TestTeam team = herald.team("Ana", "Ben", "Cal");
    private final PlayerId ana = team.player(0);
    private final PlayerId ben = team.player(1);
    private final PlayerId cal = team.player(2);

    private NodeComplete anaCompletes(String node) {
        return new NodeComplete(team.session(), ana, new NodeId(node), herald.clock.now());
    }

    private List<Message> owedTo(PlayerId player) {
        return herald.fetchUndelivered.fetch(new FetchUndelivered.Query(team.session(), player, PageRequest.first(100)))
                .messages();
    }

    @Test
    void an_individual_message_is_stored_once_and_pushed_to_every_device_of_that_player_only() {
        ConnectionId anaPhone = herald.connect(team.session(), ana);
        ConnectionId anaTablet = herald.connect(team.session(), ana);
        ConnectionId benPhone = herald.connect(team.session(), ben);

        Outcome outcome = herald.orchestrate.handle(anaCompletes("node-3"));

        assertThat(outcome).isInstanceOf(Sent.class);
        assertThat(herald.store.copyCount()).isEqualTo(1);
        Message copy = herald.gateway.pushesTo(anaPhone, Push.AiMessage.class).getFirst().message();
        assertThat(copy.content()).isEqualTo("Nice work!");
        assertThat(copy.inboxKey().value()).isEqualTo("ai-msg#" + ana + "#" + anaCompletes("node-3").id());
        assertThat(herald.gateway.pushesTo(anaTablet, Push.AiMessage.class)).extracting(Push.AiMessage::message)
                .containsExactly(copy);
        assertThat(herald.gateway.pushesTo(benPhone)).isEmpty();
        assertThat(owedTo(ana)).as("the one stored copy is the one pushed and the one Sent reports")
                .containsExactly(copy).containsExactlyElementsOf(((Sent) outcome).message().fanOut());
        assertThat(owedTo(ben)).isEmpty();
        assertThat(owedTo(cal)).isEmpty();
    }

    @Test
    void a_broadcast_to_three_players_stores_three_copies_sharing_one_message_id_each_pushed_to_its_own_player() {
        ConnectionId anaPhone = herald.connect(team.session(), ana);
        ConnectionId benPhone = herald.connect(team.session(), ben);
        ConnectionId calPhone = herald.connect(team.session(), cal);

        Outcome outcome = herald.orchestrate.handle(new Milestone(team.session(), new ObjectId("statue"), herald.clock.now()));

        assertThat(((Sent) outcome).message().type()).isEqualTo(MessageType.BROADCAST);
        assertThat(herald.store.copyCount()).isEqualTo(3);
        List<Message> received = List.of(anaPhone, benPhone, calPhone).stream()
                .map(c -> herald.gateway.pushesTo(c, Push.AiMessage.class))
                .peek(pushes -> assertThat(pushes).hasSize(1))
                .map(pushes -> pushes.getFirst().message())
                .toList();
        assertThat(received).extracting(Message::recipient).containsExactly(ana, ben, cal);
        assertThat(received).extracting(Message::messageId).containsOnly(received.getFirst().messageId());
        assertThat(received).extracting(m -> m.inboxKey().event()).containsOnly(received.getFirst().trigger().eventId());
        for (int i = 0; i < 3; i++) {
            assertThat(owedTo(team.player(i))).as("the copy stored for %s", team.player(i))
                    .containsExactly(received.get(i));
        }
    }

    @Test
    void the_arrival_that_completes_the_team_sends_one_broadcast_whichever_arrival_is_processed() {
        ObjectArrive anaArrives = new ObjectArrive(team.session(), ana, new ObjectId("statue"), herald.clock.now());
        ObjectArrive benArrives = new ObjectArrive(team.session(), ben, new ObjectId("statue"), herald.clock.now());
        ObjectArrive calArrives = new ObjectArrive(team.session(), cal, new ObjectId("statue"), herald.clock.now());
        List.of(anaArrives, benArrives, calArrives).forEach(e ->
                herald.directory.recordArrival(e.session(), e.player(), e.objectId()));

        Outcome first = herald.orchestrate.handle(calArrives);
        Outcome second = herald.orchestrate.handle(benArrives);

        assertThat(((Sent) first).message().recipients()).containsExactly(ana, ben, cal);
        assertThat(second).isInstanceOf(Duplicate.class);
        assertThat(herald.store.copyCount()).isEqualTo(3);
        for (PlayerId player : List.of(ana, ben, cal)) {
            assertThat(owedTo(player)).singleElement().satisfies(copy -> {
                assertThat(copy.type()).isEqualTo(MessageType.BROADCAST);
                assertThat(copy.messageId()).isEqualTo(((Sent) first).message().messageId());
            });
        }
    }

    @Test
    void the_same_event_handled_five_times_gives_one_message_per_recipient() {
        ConnectionId anaPhone = herald.connect(team.session(), ana);
        NodeComplete event = anaCompletes("node-3");

        List<Outcome> outcomes = IntStream.range(0, 5).mapToObj(i -> herald.orchestrate.handle(event)).toList();

        assertThat(outcomes.getFirst()).isInstanceOf(Sent.class);
        assertThat(outcomes.subList(1, 5)).allMatch(Duplicate.class::isInstance);
        assertThat(herald.store.copyCount()).isEqualTo(1);
        assertThat(herald.gateway.pushesTo(anaPhone)).hasSize(1);
        assertThat(owedTo(ana)).singleElement().isEqualTo(((Sent) outcomes.getFirst()).message().fanOut().getFirst());
    }

    @Test
    void a_retry_storm_of_one_broadcast_on_five_threads_gives_one_copy_per_recipient() throws Exception {
        List<ConnectionId> phones = List.of(herald.connect(team.session(), ana), herald.connect(team.session(), ben),
                herald.connect(team.session(), cal));
        Milestone milestone = new Milestone(team.session(), new ObjectId("gate"), herald.clock.now());

        List<Outcome> outcomes = concurrently(5, () -> herald.orchestrate.handle(milestone));

        assertThat(outcomes).filteredOn(Sent.class::isInstance).hasSize(1);
        assertThat(herald.store.copyCount()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(herald.gateway.pushesTo(phones.get(i), Push.AiMessage.class)).as("pushes to %s", team.player(i))
                    .hasSize(1);
            assertThat(owedTo(team.player(i))).hasSize(1);
        }
    }

    @Test
    void a_second_event_inside_the_cooldown_window_sends_nothing() {
        herald.orchestrate.handle(anaCompletes("node-1"));
        herald.clock.advance(Duration.ofSeconds(299));

        Outcome second = herald.orchestrate.handle(anaCompletes("node-2"));

        assertThat(second).isInstanceOf(CoolingDown.class);
        assertThat(owedTo(ana)).hasSize(1);
        herald.clock.advance(Duration.ofSeconds(1));
        assertThat(herald.orchestrate.handle(anaCompletes("node-3"))).isInstanceOf(Sent.class);
    }

    @Test
    void two_events_for_one_player_at_the_same_instant_give_one_message() throws Exception {
        List<NodeComplete> events = List.of(anaCompletes("node-1"), anaCompletes("node-2"));

        List<Outcome> outcomes = concurrently(2, index -> herald.orchestrate.handle(events.get(index)));

        assertThat(outcomes).filteredOn(Sent.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(CoolingDown.class::isInstance).hasSize(1);
        assertThat(owedTo(ana)).hasSize(1);
    }

    @Test
    void with_the_cooldown_off_every_event_speaks_even_when_an_earlier_clock_reading_is_stored_later() {
        FakeHerald noCooldown = new FakeHerald(composing(ScriptedComposer.answering("hi")), Duration.ZERO);
        TestTeam solo = noCooldown.team("Dee");
        NodeComplete later = new NodeComplete(solo.session(), solo.player(0), new NodeId("node-2"), noCooldown.clock.now());
        noCooldown.clock.advance(Duration.ofMillis(5));
        NodeComplete earlier = new NodeComplete(solo.session(), solo.player(0), new NodeId("node-1"), noCooldown.clock.now());
        noCooldown.orchestrate.handle(earlier);

        noCooldown.clock.advance(Duration.ofMillis(-5));
        OrchestrateMessages.Outcome outcome = noCooldown.orchestrate.handle(later);

        assertThat(outcome).isInstanceOf(Sent.class);
        assertThat(noCooldown.store.copyCount()).isEqualTo(2);
        assertThat(noCooldown.fetchUndelivered.fetch(new FetchUndelivered.Query(solo.session(), solo.player(0),
                PageRequest.first(10))).messages()).extracting(m -> m.trigger().eventId())
                .containsExactlyInAnyOrder(earlier.id(), later.id());
    }

    @Test
    void a_broadcast_is_not_held_back_by_the_cooldown_but_starts_a_new_window_for_everyone() {
        herald.orchestrate.handle(anaCompletes("node-1"));

        Outcome broadcast = herald.orchestrate.handle(new Milestone(team.session(), new ObjectId("gate"), herald.clock.now()));
        herald.clock.advance(Duration.ofSeconds(10));
        Outcome benAfter = herald.orchestrate.handle(new NodeComplete(team.session(), ben, new NodeId("node-9"), herald.clock.now()));

        assertThat(broadcast).isInstanceOf(Sent.class);
        assertThat(benAfter).isInstanceOf(CoolingDown.class);
    }

    @Test
    void a_player_who_is_offline_has_the_message_stored_undelivered_and_catch_up_returns_it_oldest_first() {
        herald.orchestrate.handle(anaCompletes("node-1"));
        herald.clock.advance(Duration.ofMinutes(6));
        herald.orchestrate.handle(new PuzzleSubmit(team.session(), ana, new PuzzleId("riddle"), true, 1, herald.clock.now()));

        List<Message> owed = owedTo(ana);

        assertThat(owed).hasSize(2);
        assertThat(owed.get(0).trigger().eventId()).isEqualTo(anaCompletes("node-1").id());
        assertThat(owed.get(0).createdAt()).isBefore(owed.get(1).createdAt());
        assertThat(owed).extracting(Message::delivery).containsOnly(new Delivery.Created());
        assertThat(owedTo(ben)).isEmpty();
    }

    @Test
    void a_push_that_reports_the_connection_gone_removes_it_and_leaves_the_message_owed() {
        ConnectionId stale = herald.connect(team.session(), ana);
        ConnectionId live = herald.connect(team.session(), ana);
        herald.gateway.goneFor(stale);

        Sent sent = (Sent) herald.orchestrate.handle(anaCompletes("node-3"));

        assertThat(sent.goneConnections()).isEqualTo(1);
        assertThat(sent.pushed()).isEqualTo(1);
        assertThat(herald.connections.find(stale)).isEmpty();
        assertThat(herald.connections.find(live)).isPresent();
        assertThat(owedTo(ana)).hasSize(1);
    }

    @Test
    void a_composer_that_fails_is_replaced_by_the_fixed_fallback_text() {
        FakeHerald failing = new FakeHerald(composing(ScriptedComposer.failing("timeout after 3s")));
        TestTeam solo = failing.team("Dee");
        NodeComplete event = new NodeComplete(solo.session(), solo.player(0), new NodeId("node-1"), failing.clock.now());

        Sent sent = (Sent) failing.orchestrate.handle(event);

        assertThat(sent.composedByFallback()).isTrue();
        assertThat(sent.message().content()).isEqualTo(FallbackText.forEvent(event));
    }

    @Test
    void a_composer_that_throws_or_times_out_is_replaced_by_the_fixed_fallback_text() {
        FakeHerald throwing = new FakeHerald(composing(ScriptedComposer.throwing(new IllegalStateException("connection reset"))));
        TestTeam solo = throwing.team("Dee");
        PuzzleSubmit wrong = new PuzzleSubmit(solo.session(), solo.player(0), new PuzzleId("riddle"), false, 1, throwing.clock.now());

        Sent sent = (Sent) throwing.orchestrate.handle(wrong);

        assertThat(sent.message().content()).isEqualTo(FallbackText.forEvent(wrong));
        assertThat(throwing.store.copyCount()).isEqualTo(1);
        assertThat(throwing.fetchUndelivered.fetch(new FetchUndelivered.Query(solo.session(), solo.player(0),
                PageRequest.first(10))).messages()).singleElement().extracting(Message::content)
                .isEqualTo(FallbackText.forEvent(wrong));
    }

    @Test
    void a_composed_text_too_long_for_a_frame_is_replaced_by_the_fallback() {
        FakeHerald verbose = new FakeHerald(composing(ScriptedComposer.answering("x".repeat(Message.MAX_CONTENT_LENGTH + 1))));
        TestTeam solo = verbose.team("Dee");

        Sent sent = (Sent) verbose.orchestrate.handle(
                new NodeComplete(solo.session(), solo.player(0), new NodeId("node-1"), verbose.clock.now()));

        assertThat(sent.composedByFallback()).isTrue();
    }

    @Test
    void the_composer_is_told_the_event_and_who_will_read_the_line() {
        herald.orchestrate.handle(new Milestone(team.session(), new ObjectId("gate"), herald.clock.now()));

        assertThat(herald.composer.requests()).singleElement().satisfies(request -> {
            assertThat(request.event()).isEqualTo(new Milestone(team.session(), new ObjectId("gate"), herald.clock.now()));
            assertThat(request.type()).isEqualTo(MessageType.BROADCAST);
            assertThat(request.recipients()).extracting(p -> p.name()).containsExactly("Ana", "Ben", "Cal");
        });
    }

    @Test
    void an_event_whose_processor_died_after_choosing_its_text_is_finished_with_that_same_text() {
        NodeComplete event = anaCompletes("node-3");
        OutgoingMessage chosen = new OutgoingMessage(new MessageId("msg-chosen"), MessageType.INDIVIDUAL,
                team.session(), List.of(ana), Sender.AI, "The text the dead processor chose", Trigger.of(event),
                herald.clock.now());
        EventClaim.Granted dead = (EventClaim.Granted) herald.store.claim(team.session(), event.id(), herald.clock.now());
        herald.store.interruptNextSave();
        assertThatThrownBy(() -> herald.store.save(dead, chosen)).isInstanceOf(IllegalStateException.class);
        ConnectionId anaPhone = herald.connect(team.session(), ana);

        Outcome whileLeaseRuns = herald.orchestrate.handle(event);
        herald.clock.advance(FakeHerald.LEASE);
        Outcome afterLease = herald.orchestrate.handle(event);

        assertThat(whileLeaseRuns).isInstanceOf(OrchestrateMessages.InProgressElsewhere.class);
        assertThat(afterLease).isInstanceOf(Sent.class);
        assertThat(((Sent) afterLease).message()).isEqualTo(chosen);
        assertThat(owedTo(ana)).singleElement().extracting(Message::content).isEqualTo(chosen.content());
        assertThat(herald.gateway.pushesTo(anaPhone, Push.AiMessage.class)).hasSize(1);
    }

    @Test
    void an_event_whose_processor_died_before_choosing_a_text_is_processed_again_after_the_lease() {
        NodeComplete event = anaCompletes("node-3");
        EventClaim.Granted abandoned = (EventClaim.Granted) herald.store.claim(team.session(), event.id(), herald.clock.now());
        herald.cooldown.tryOpen(team.session(), ana, new io.herald.domain.CooldownWindow(event.id(),
                herald.clock.now().plusSeconds(300)), herald.clock.now());
        herald.clock.advance(FakeHerald.LEASE);

        Outcome outcome = herald.orchestrate.handle(event);

        assertThat(abandoned.resumed()).isFalse();
        assertThat(outcome).as("the window this event opened itself does not block it").isInstanceOf(Sent.class);
        assertThat(owedTo(ana)).hasSize(1);
    }

    @Test
    void periodic_checks_and_unknown_players_send_nothing() {
        ConnectionId anaPhone = herald.connect(team.session(), ana);
        assertThat(herald.orchestrate.handle(new io.herald.domain.PeriodicCheck(team.session(), herald.clock.now())))
                .isInstanceOf(OrchestrateMessages.Silent.class);
        assertThat(herald.orchestrate.handle(new NodeComplete(team.session(), new PlayerId("stranger"), new NodeId("n"),
                herald.clock.now()))).isInstanceOf(OrchestrateMessages.Silent.class);
        assertThat(herald.store.copyCount()).isZero();
        assertThat(herald.gateway.pushesTo(anaPhone)).isEmpty();
        assertThat(owedTo(ana)).isEmpty();
        assertThat(owedTo(new PlayerId("stranger"))).isEmpty();
    }

    private static <T> List<T> concurrently(int threads, Callable<T> task) throws Exception {
        return concurrently(threads, index -> task.call());
    }

    private interface IndexedTask<T> {
        T call(int index) throws Exception;
    }

    private static <T> List<T> concurrently(int threads, IndexedTask<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = IntStream.range(0, threads).mapToObj(i -> pool.submit(() -> {
                start.await();
                return task.call(i);
            })).toList();
            start.countDown();
            List<T> results = new java.util.ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
