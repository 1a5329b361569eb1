package io.herald.adapter.dynamodb;

import io.herald.application.port.EventClaim;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The figures issue 3 asks for, on DynamoDB Local over HTTP: fan-out of 1,000 copies, 1,000 acks, and a catch-up
 * read of 100 owed copies among 10,000 delivered ones. A measurement, not a test: it asserts nothing and runs only
 * with {@code -Dherald.benchmark=true} (see the README).
 */
@EnabledIfSystemProperty(named = "herald.benchmark", matches = "true")
class DynamoDbStoreBenchmark {
    private static final int ROUNDS = 11;
    private static final int WARM_UP = 2;

    @Test
    void measure() {
        try (LocalDynamoDb dynamo = LocalDynamoDb.start()) {
            DynamoDbTable table = dynamo.table(dynamo.client(), "bench");
            DynamoDbMessageStore store = new DynamoDbMessageStore(table, Duration.ofSeconds(60));
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            List<PlayerId> crowd = IntStream.range(0, 1_000).mapToObj(i -> new PlayerId("p" + i)).toList();

            List<OutgoingMessage> broadcasts = new ArrayList<>();
            report("fan-out of 1,000 copies (claim + save)", rounds(() -> {
                SessionId session = new SessionId("fan-" + UUID.randomUUID());
                EventId event = new EventId("Milestone-" + broadcasts.size());
                OutgoingMessage message = new OutgoingMessage(new MessageId("m" + broadcasts.size()), MessageType.BROADCAST,
                        session, crowd, Sender.AI, "Everyone is here!", new Trigger(event, EventType.MILESTONE), now);
                broadcasts.add(message);
                return timed(() -> store.save((EventClaim.Granted) store.claim(session, event, now), message));
            }));

            int[] next = {0};
            report("1,000 delivered acks, one after another", rounds(() -> {
                OutgoingMessage message = broadcasts.get(next[0]++);
                return timed(() -> crowd.forEach(p -> store.acknowledge(message.session(),
                        new InboxKey(p, message.trigger().eventId()), Ack.DELIVERED, now.plusSeconds(1))));
            }));

            SessionId session = new SessionId("catchup-" + UUID.randomUUID());
            PlayerId heavy = new PlayerId("heavy");
            PlayerId light = new PlayerId("light");
            table.batch().putAll(copies(session, heavy, 10_000, now, new Delivery.Delivered(now)));
            table.batch().putAll(copies(session, heavy, 100, now.plusSeconds(1), new Delivery.Created()));
            table.batch().putAll(copies(session, light, 100, now.plusSeconds(1), new Delivery.Created()));
            for (PlayerId player : List.of(light, heavy)) {
                int[] size = {0};
                long[] nanos = rounds(() -> timed(() -> size[0] = store.undelivered(session, player, now.plusSeconds(2),
                        PageRequest.first(100)).messages().size()));
                report("catch-up page of " + size[0] + " owed for '" + player + "' ("
                        + (player.equals(heavy) ? "10,000 delivered besides" : "nothing else") + ")", nanos);
            }
            int[] seedStyle = {0};
            report("for comparison, the seed's way for 'heavy': inbox index + filter delivered = false", rounds(() ->
                    timed(() -> seedStyle[0] = seedStyleCatchUp(table, session, heavy))));
            System.out.printf("BENCH (the seed's way returned %d copies)%n", seedStyle[0]);
        }
    }

    /** Seed 000's access pattern: read the whole player inbox and filter, page after page. */
    private static int seedStyleCatchUp(DynamoDbTable table, SessionId session, PlayerId player) {
        int found = 0;
        Map<String, AttributeValue> startKey = null;
        do {
            Map<String, AttributeValue> from = startKey;
            var page = table.client().query(b -> b.tableName(table.name()).indexName(TableLayout.INBOX_INDEX)
                    .keyConditionExpression("gsi1pk = :p").filterExpression("delivered = :false")
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(TableLayout.playerPartition(session, player)),
                            ":false", AttributeValue.fromBool(false)))
                    .exclusiveStartKey(from));
            found += page.count();
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return found;
    }

    private static List<Map<String, AttributeValue>> copies(SessionId session, PlayerId player, int count, Instant at,
            Delivery delivery) {
        return IntStream.range(0, count).mapToObj(i -> {
            EventId event = new EventId("NodeComplete-" + delivery.getClass().getSimpleName() + i);
            Message copy = new Message(new MessageId("m" + i), MessageType.INDIVIDUAL, session, player, Sender.AI,
                    "line " + i, new Trigger(event, EventType.NODE_COMPLETE), at.plusMillis(i),
                    at.plus(Message.RETENTION), delivery);
            return MessageItems.toItem(copy);
        }).toList();
    }

    private static long[] rounds(LongSupplier round) {
        long[] measured = new long[ROUNDS];
        for (int i = 0; i < WARM_UP + ROUNDS; i++) {
            long nanos = round.getAsLong();
            if (i >= WARM_UP) {
                measured[i - WARM_UP] = nanos;
            }
        }
        Arrays.sort(measured);
        return measured;
    }

    private static long timed(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

    private static void report(String what, long[] sortedNanos) {
        System.out.printf("BENCH %-75s median %8.1f ms   min %8.1f ms   max %8.1f ms   (%d rounds after %d warm-up)%n",
                what, sortedNanos[sortedNanos.length / 2] / 1e6, sortedNanos[0] / 1e6,
                sortedNanos[sortedNanos.length - 1] / 1e6, sortedNanos.length, WARM_UP);
    }
}
