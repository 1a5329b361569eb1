package io.herald.adapter.dynamodb;

import io.herald.application.contract.MessageStoreContract;
import io.herald.application.port.MessageStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The message store contract on DynamoDB Local. */
class DynamoDbMessageStoreTest extends MessageStoreContract {
    private static LocalDynamoDb dynamo;
    private static final FaultInjector faults = new FaultInjector();
    private static MessageStore store;

    @BeforeAll
    static void start() {
        dynamo = LocalDynamoDb.start();
        store = new DynamoDbMessageStore(dynamo.table(dynamo.client(faults), "messages"), LEASE);
    }

    @AfterAll
    static void stop() {
        dynamo.close();
    }

    @Override
    protected MessageStore store() {
        return store;
    }

    @Override
    protected void interruptNextSave() {
        faults.breakNextSaveAfterFirstBatch();
    }
}
