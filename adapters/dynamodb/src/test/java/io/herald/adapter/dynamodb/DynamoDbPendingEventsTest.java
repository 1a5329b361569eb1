package io.herald.adapter.dynamodb;

import io.herald.application.contract.PendingEventsContract;
import io.herald.application.spi.PendingEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** Held events on DynamoDB Local, written plainly (AWS) and as combined transactions (the embedded store). */
class DynamoDbPendingEventsTest {
    private static LocalDynamoDb dynamo;
    private static DynamoDbTable table;

    @BeforeAll
    static void start() {
        dynamo = LocalDynamoDb.start();
        table = dynamo.table(dynamo.client(), "pending");
    }

    @AfterAll
    static void stop() {
        table.close();
        dynamo.close();
    }

    @Nested
    class Plain extends PendingEventsContract {
        @Override
        protected PendingEvents pending() {
            return new DynamoDbPendingEvents(table, false);
        }
    }

    @Nested
    class Combined extends PendingEventsContract {
        @Override
        protected PendingEvents pending() {
            return new DynamoDbPendingEvents(table, true);
        }
    }
}
