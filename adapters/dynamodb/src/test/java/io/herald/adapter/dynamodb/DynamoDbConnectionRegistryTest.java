package io.herald.adapter.dynamodb;

import io.herald.application.contract.ConnectionRegistryContract;
import io.herald.application.port.ConnectionRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The connection registry contract on DynamoDB Local. */
class DynamoDbConnectionRegistryTest extends ConnectionRegistryContract {
    private static LocalDynamoDb dynamo;
    private static ConnectionRegistry registry;

    @BeforeAll
    static void start() {
        dynamo = LocalDynamoDb.start();
        registry = new DynamoDbConnectionRegistry(dynamo.table(dynamo.client(), "connections"));
    }

    @AfterAll
    static void stop() {
        dynamo.close();
    }

    @Override
    protected ConnectionRegistry registry() {
        return registry;
    }
}
