package io.herald.adapter.dynamodb;

import io.herald.application.contract.MessageStoreContract;
import io.herald.application.port.MessageStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The message store contract again, with acks committed together as transactions (the embedded server's way). */
class DynamoDbCombinedAcksTest extends MessageStoreContract {
    private static LocalDynamoDb dynamo;
    private static final FaultInjector faults = new FaultInjector();
    private static DynamoDbTable table;
    private static MessageStore store;

    @BeforeAll
    static void start() {
        dynamo = LocalDynamoDb.start();
        table = dynamo.table(dynamo.client(faults), "combined");
        store = new DynamoDbMessageStore(table, LEASE, true);
    }

    @AfterAll
    static void stop() {
        table.close();
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
