package io.herald.adapter.dynamodb;

import io.herald.application.contract.NotificationStoreContract;
import io.herald.application.port.NotificationStore;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Notifications on DynamoDB Local, the unread ones read through the real {@code gsi1} index. */
class DynamoDbNotificationStoreTest extends NotificationStoreContract {
    private static LocalDynamoDb dynamo;
    private static DynamoDbTable table;
    private final DynamoDbNotificationStore store = new DynamoDbNotificationStore(table, Instant::now,
            Duration.ofDays(30));

    @BeforeAll
    static void start() {
        dynamo = LocalDynamoDb.start();
        table = dynamo.table(dynamo.client(), "notifications");
    }

    @AfterAll
    static void stop() {
        table.close();
        dynamo.close();
    }

    @Override
    protected NotificationStore store() {
        return store;
    }
}
