package io.herald.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.application.port.EventClaim;
import io.herald.application.port.MessageStore;
import io.herald.application.port.MessageStore.AckResult;
import io.herald.application.port.PageRequest;
import io.herald.domain.Ack;
import io.herald.domain.Connection;
import io.herald.domain.ConnectionId;
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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Half of all calls throttled (before or after DynamoDB applied them) and half of all batch items bounced as
 * unprocessed: every item must still end up written exactly once, with the state it should have.
 */
class DynamoDbUnderFaultsTest {
    private static final FaultInjector faults = new FaultInjector();
    private static LocalDynamoDb dynamo;
    private static DynamoDbClient cleanClient;
    private static DynamoDbTable table;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final SessionId session = new SessionId("s-" + UUID.randomUUID());

    @BeforeAll
    static void start() {
        dynamo = LocalDynamoDb.start();
        // Half of all calls fail here, far beyond production's rate, so a call gets more attempts than production's 8.
        table = dynamo.table(dynamo.clientRetryingAsHerald(30, faults), "chaos");
        cleanClient = dynamo.client();
    }

    @AfterAll
    static void stop() {
        dynamo.close();
    }

    @BeforeEach
    void chaos_on() {
        faults.chaos(true);
    }

    @AfterEach
    void chaos_off() {
        faults.chaos(false);
    }

    /** What is really in the table, read past the fault injector. */
    private static List<Map<String, AttributeValue>> itemsUnder(String partition, String prefix) {
        return cleanClient.query(b -> b.tableName("chaos")
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition),
                        ":prefix", AttributeValue.fromS(prefix)))).items();
    }

    @Test
    void a_broadcast_written_through_faults_has_every_copy_exactly_once() {
        MessageStore store = new DynamoDbMessageStore(table, Duration.ofSeconds(30));
        List<PlayerId> crowd = IntStream.range(0, 200).mapToObj(i -> new PlayerId("p" + i)).toList();
        EventId event = new EventId("Milestone-" + UUID.randomUUID().toString().substring(0, 8));
        OutgoingMessage message = new OutgoingMessage(new MessageId("m-1"), MessageType.BROADCAST, session, crowd,
                Sender.AI, "Everyone made it!", new Trigger(event, EventType.MILESTONE), now);
        int faultsBefore = faults.faultsInjected();

        store.save((EventClaim.Granted) store.claim(session, event, now), message);

        List<Map<String, AttributeValue>> copies = itemsUnder(TableLayout.sessionPartition(session), "ai-msg#");
        assertThat(copies).hasSize(200);
        assertThat(copies.stream().map(MessageItems::fromItem).toList())
                .containsExactlyInAnyOrderElementsOf(message.fanOut());
        assertThat(store.claim(session, event, now.plusSeconds(60))).isEqualTo(new EventClaim.AlreadyDone(event));
        assertThat(faults.faultsInjected() - faultsBefore).as("faults really happened").isGreaterThan(10);
    }

    @Test
    void acks_and_catch_up_through_faults_end_in_the_right_state() {
        MessageStore store = new DynamoDbMessageStore(table, Duration.ofSeconds(30));
        PlayerId ana = new PlayerId("ana");
        List<OutgoingMessage> sent = IntStream.range(0, 10).mapToObj(i -> {
            EventId event = new EventId("NodeComplete-" + i);
            OutgoingMessage message = new OutgoingMessage(new MessageId("m-" + i), MessageType.INDIVIDUAL, session,
                    List.of(ana), Sender.AI, "line " + i, new Trigger(event, EventType.NODE_COMPLETE), now.plusMillis(i));
            store.save((EventClaim.Granted) store.claim(session, event, now), message);
            return message;
        }).toList();

        for (OutgoingMessage message : sent.subList(0, 6)) {
            AckResult result = store.acknowledge(session, new InboxKey(ana, message.trigger().eventId()), Ack.READ,
                    now.plusSeconds(1));
            assertThat(result).isIn(AckResult.RECORDED, AckResult.UNCHANGED);
        }

        List<Message> owed = store.undelivered(session, ana, now.plusSeconds(2), PageRequest.first(100)).messages();
        assertThat(owed).extracting(m -> m.messageId().value()).containsExactly("m-6", "m-7", "m-8", "m-9");
        for (OutgoingMessage message : sent.subList(0, 6)) {
            assertThat(store.find(session, new InboxKey(ana, message.trigger().eventId()), now).orElseThrow().delivery())
                    .isEqualTo(new Delivery.Read(now.plusSeconds(1), now.plusSeconds(1)));
        }
    }

    @Test
    void connections_and_teams_written_through_faults_are_complete() {
        DynamoDbConnectionRegistry registry = new DynamoDbConnectionRegistry(table);
        DynamoDbSessionDirectory directory = new DynamoDbSessionDirectory(table);
        List<Connection> devices = IntStream.range(0, 20).mapToObj(i -> Connection.opened(
                new ConnectionId("c" + i + "-" + UUID.randomUUID()), session, new PlayerId("p" + i % 4), now).join()).toList();

        devices.forEach(registry::save);
        devices.subList(0, 5).forEach(c -> registry.remove(c.id()));
        boolean created = directory.createTeam(new io.herald.domain.Team(io.herald.domain.TeamCode.parse("KAPUTT"),
                session, io.herald.domain.TeamMode.TEAM, io.herald.domain.TravelMode.CO_LOCATED));

        faults.chaos(false);
        assertThat(registry.ofSession(session)).containsExactlyInAnyOrderElementsOf(devices.subList(5, 20));
        assertThat(itemsUnder(TableLayout.sessionPartition(session), TableLayout.CONNECTION_PREFIX)).hasSize(15);
        assertThat(created).as("a team whose own write was retried is still created").isTrue();
        assertThat(directory.teamOf(session)).isPresent();
    }
}
