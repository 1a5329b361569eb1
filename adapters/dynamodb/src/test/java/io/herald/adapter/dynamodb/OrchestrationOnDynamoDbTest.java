package io.herald.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.application.AcknowledgeMessage;
import io.herald.application.FetchUndelivered;
import io.herald.application.JoinSession;
import io.herald.application.JoinTeam;
import io.herald.application.OpenConnection;
import io.herald.application.OrchestrateMessages;
import io.herald.application.RecordGameEvent;
import io.herald.application.RegisterTeam;
import io.herald.application.Registration;
import io.herald.application.RegistryFanout;
import io.herald.application.fake.ManualClock;
import io.herald.application.fake.RecordingGateway;
import io.herald.application.fake.RecordingPublisher;
import io.herald.application.fake.ScriptedComposer;
import io.herald.application.fake.SequentialIds;
import io.herald.application.port.PageRequest;
import io.herald.application.port.Push;
import io.herald.domain.Ack;
import io.herald.domain.ConnectionId;
import io.herald.domain.CooldownPolicy;
import io.herald.domain.Delivery;
import io.herald.domain.GameEvent;
import io.herald.domain.Message;
import io.herald.domain.NodeComplete;
import io.herald.domain.NodeId;
import io.herald.domain.ObjectArrive;
import io.herald.domain.ObjectId;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import io.herald.domain.TeamMode;
import io.herald.domain.TravelMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The message pipeline's promises kept by the real stores, not only by the fakes: duplicates, races, catch-up.
 * Run by two subclasses: with a composer paid per call (claimed first) and one that costs nothing (one-step settle).
 */
abstract class OrchestrationOnDynamoDbTest {
    private static LocalDynamoDb dynamo;
    private static DynamoDbTable table;

    private final ManualClock clock = new ManualClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    private final SequentialIds ids = new SequentialIds(java.util.UUID.randomUUID().toString().substring(0, 8) + "-");
    private final RecordingGateway gateway = new RecordingGateway();
    private final DynamoDbMessageStore store = new DynamoDbMessageStore(table, Duration.ofSeconds(30));
    private final DynamoDbConnectionRegistry connections = new DynamoDbConnectionRegistry(table);
    private final DynamoDbSessionDirectory directory = new DynamoDbSessionDirectory(table);
    private final RegistryFanout fanout = new RegistryFanout(connections,
            new DynamoDbRoomSubscriptions(table, gateway, clock), gateway);
    private final OrchestrateMessages orchestrate = new OrchestrateMessages(directory, store,
            new DynamoDbCooldownGuard(table), new CooldownPolicy(CooldownPolicy.DEFAULT_WINDOW),
            composer(ScriptedComposer.answering("Nice one!")), fanout, clock, ids);

    /** The composer, as the subclass's kind of composer. */
    protected abstract ScriptedComposer composer(ScriptedComposer script);
    private SessionId session;
    private final List<PlayerId> players = new ArrayList<>();
    private final List<ConnectionId> phones = new ArrayList<>();

    @BeforeAll
    static void start() {
        dynamo = LocalDynamoDb.start();
        table = dynamo.table(dynamo.client(), "orchestration");
    }

    @AfterAll
    static void stop() {
        table.close();
        dynamo.close();
    }

    @BeforeEach
    void a_team_of_three_online() {
        Registration first = new RegisterTeam(directory, ids)
                .register(new RegisterTeam.Command("Ana", TeamMode.TEAM, TravelMode.CO_LOCATED));
        session = first.team().session();
        players.add(first.player().id());
        for (String name : List.of("Ben", "Cal")) {
            players.add(((Registration) new JoinTeam(directory, ids).join(new JoinTeam.Command(first.team().code(), name)))
                    .player().id());
        }
        for (PlayerId player : players) {
            ConnectionId phone = ids.newConnectionId();
            new OpenConnection(connections, new DynamoDbConnectionLog(table), clock).open(new OpenConnection.Command(phone, session, player));
            new JoinSession(connections, directory).join(new JoinSession.Command(phone, session, player));
            phones.add(phone);
        }
    }

    private List<Message> owedTo(PlayerId player) {
        return new FetchUndelivered(store, clock).fetch(new FetchUndelivered.Query(session, player, PageRequest.first(50)))
                .messages();
    }

    @Test
    void a_retry_storm_on_five_threads_stores_and_pushes_one_message() throws Exception {
        NodeComplete event = new NodeComplete(session, players.getFirst(), new NodeId("node-3"), clock.now());

        List<OrchestrateMessages.Outcome> outcomes = concurrently(5, () -> orchestrate.handle(event));

        assertThat(outcomes).filteredOn(OrchestrateMessages.Sent.class::isInstance).hasSize(1);
        assertThat(owedTo(players.getFirst())).hasSize(1);
        assertThat(gateway.pushesTo(phones.getFirst(), Push.AiMessage.class)).hasSize(1);
    }

    @Test
    void two_events_for_one_player_at_the_same_instant_give_one_message() throws Exception {
        List<GameEvent> events = List.of(new NodeComplete(session, players.getFirst(), new NodeId("node-1"), clock.now()),
                new NodeComplete(session, players.getFirst(), new NodeId("node-2"), clock.now()));
        CountDownLatch ready = new CountDownLatch(1);
        List<Callable<OrchestrateMessages.Outcome>> tasks = events.stream()
                .<Callable<OrchestrateMessages.Outcome>>map(e -> () -> {
                    ready.await();
                    return orchestrate.handle(e);
                }).toList();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<OrchestrateMessages.Outcome>> futures = tasks.stream().map(pool::submit).toList();
            ready.countDown();
            List<OrchestrateMessages.Outcome> outcomes = new ArrayList<>();
            for (Future<OrchestrateMessages.Outcome> future : futures) {
                outcomes.add(future.get());
            }
            assertThat(outcomes).filteredOn(OrchestrateMessages.Sent.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(OrchestrateMessages.CoolingDown.class::isInstance).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(owedTo(players.getFirst())).hasSize(1);
    }

    @Test
    void the_whole_team_arriving_gives_one_broadcast_and_a_redelivery_after_reading_changes_nothing() {
        RecordGameEvent record = new RecordGameEvent(directory, fanout, new RecordingPublisher());
        List<OrchestrateMessages.Outcome> outcomes = new ArrayList<>();
        for (PlayerId player : players) {
            ObjectArrive arrive = new ObjectArrive(session, player, new ObjectId("statue"), clock.now());
            record.record(new RecordGameEvent.Command(arrive, Optional.empty()));
            outcomes.add(orchestrate.handle(arrive));
        }
        OrchestrateMessages.Sent broadcast = (OrchestrateMessages.Sent) outcomes.getLast();
        for (int i = 0; i < 3; i++) {
            Message copy = gateway.pushesTo(phones.get(i), Push.AiMessage.class).getLast().message();
            new AcknowledgeMessage(connections, store, clock).acknowledge(
                    new AcknowledgeMessage.Command(phones.get(i), session, copy.inboxKey(), Ack.READ));
        }

        OrchestrateMessages.Outcome redelivered = orchestrate.handle(
                new ObjectArrive(session, players.getLast(), new ObjectId("statue"), clock.now().plusSeconds(5)));

        assertThat(broadcast.message().recipients()).containsExactlyElementsOf(players);
        assertThat(redelivered).isInstanceOf(OrchestrateMessages.Duplicate.class);
        for (PlayerId player : players) {
            Message copy = store.find(session, new io.herald.domain.InboxKey(player, broadcast.message().trigger().eventId()),
                    clock.now()).orElseThrow();
            assertThat(copy.delivery()).isInstanceOf(Delivery.Read.class);
            assertThat(copy.content()).isEqualTo("Nice one!");
        }
    }

    private static <T> List<T> concurrently(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
