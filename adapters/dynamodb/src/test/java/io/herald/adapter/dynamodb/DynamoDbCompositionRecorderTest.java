package io.herald.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.application.spi.CompositionRecorder;
import io.herald.domain.EventId;
import io.herald.domain.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbCompositionRecorderTest {
    private static LocalDynamoDb dynamo;
    private static DynamoDbTable table;

    @BeforeAll
    static void start() {
        dynamo = LocalDynamoDb.start();
        table = dynamo.table(dynamo.client(), "costs");
    }

    @AfterAll
    static void stop() {
        dynamo.close();
    }

    @Test
    void every_model_call_is_stored_in_its_session_in_time_order_with_cost_latency_and_outcome() {
        SessionId session = new SessionId("s-" + UUID.randomUUID());
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        CompositionRecorder recorder = new DynamoDbCompositionRecorder(table);

        recorder.record(new CompositionRecorder.Call(at.plusSeconds(1), session, new EventId("PuzzleSubmit-2"), "gpt-5.2",
                0, 0, Duration.ofMillis(3000), Optional.of("timeout after PT3S")));
        recorder.record(new CompositionRecorder.Call(at, session, new EventId("NodeComplete-1"), "gpt-5.2", 120, 18,
                Duration.ofMillis(840), Optional.empty()));

        List<Map<String, AttributeValue>> items = dynamo.client().query(b -> b.tableName("costs")
                .keyConditionExpression("pk = :pk AND begins_with(sk, :llm)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableLayout.sessionPartition(session)),
                        ":llm", AttributeValue.fromS(DynamoDbCompositionRecorder.PREFIX)))).items();
        assertThat(items).extracting(i -> i.get("eventId").s()).containsExactly("NodeComplete-1", "PuzzleSubmit-2");
        assertThat(items.get(0)).containsEntry("promptTokens", AttributeValue.fromN("120"))
                .containsEntry("completionTokens", AttributeValue.fromN("18"))
                .containsEntry("latencyMs", AttributeValue.fromN("840"))
                .containsEntry("outcome", AttributeValue.fromS("ok"));
        assertThat(items.get(1)).containsEntry("outcome", AttributeValue.fromS("fallback"))
                .containsEntry("reason", AttributeValue.fromS("timeout after PT3S"));
    }
}
