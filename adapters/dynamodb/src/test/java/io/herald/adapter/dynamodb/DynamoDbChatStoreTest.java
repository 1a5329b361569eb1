package io.herald.adapter.dynamodb;

import io.herald.application.contract.ChatStoreContract;
import io.herald.application.port.ChatStore;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Chats with characters on DynamoDB Local. */
class DynamoDbChatStoreTest extends ChatStoreContract {
    private static LocalDynamoDb dynamo;
    private static DynamoDbTable table;
    private final DynamoDbChatStore store = new DynamoDbChatStore(table, Duration.ofDays(90));

    @BeforeAll
    static void start() {
        dynamo = LocalDynamoDb.start();
        table = dynamo.table(dynamo.client(), "chat");
    }

    @AfterAll
    static void stop() {
        table.close();
        dynamo.close();
    }

    @Override
    protected ChatStore store() {
        return store;
    }
}
