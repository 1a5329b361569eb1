package io.herald.adapter.dynamodb;

import io.herald.application.contract.PresenceContract;
import io.herald.application.port.ConnectionRegistry;
import io.herald.application.port.Presence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Presence read from the connection items, as the Lambda shape counts devices. */
class DynamoDbPresenceTest extends PresenceContract {
    private static LocalDynamoDb dynamo;
    private static DynamoDbConnectionRegistry registry;

    @BeforeAll
    static void start() {
        dynamo = LocalDynamoDb.start();
        registry = new DynamoDbConnectionRegistry(dynamo.table(dynamo.client(), "presence"));
    }

    @AfterAll
    static void stop() {
        dynamo.close();
    }

    @Override
    protected ConnectionRegistry registry() {
        return registry;
    }

    @Override
    protected Presence presence() {
        return registry;
    }
}
