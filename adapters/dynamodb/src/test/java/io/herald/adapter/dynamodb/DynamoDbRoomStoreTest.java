package io.herald.adapter.dynamodb;

import io.herald.application.contract.RoomStoreContract;
import io.herald.application.port.Clock;
import io.herald.application.port.RoomStore;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Rooms on DynamoDB Local, with every write a real conditional transaction. */
class DynamoDbRoomStoreTest extends RoomStoreContract {
    private static LocalDynamoDb dynamo;
    private static DynamoDbTable table;
    private final DynamoDbRoomStore store = new DynamoDbRoomStore(table, Instant::now, Duration.ofDays(30));

    @BeforeAll
    static void start() {
        dynamo = LocalDynamoDb.start();
        table = dynamo.table(dynamo.client(), "rooms");
    }

    @AfterAll
    static void stop() {
        table.close();
        dynamo.close();
    }

    @Override
    protected RoomStore store() {
        return store;
    }
}
