package io.herald.adapter.dynamodb;

import io.herald.application.contract.SessionDirectoryContract;
import io.herald.application.port.SessionDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The session directory contract on DynamoDB Local. */
class DynamoDbSessionDirectoryTest extends SessionDirectoryContract {
    private static LocalDynamoDb dynamo;
    private static SessionDirectory directory;

    @BeforeAll
    static void start() {
        dynamo = LocalDynamoDb.start();
        directory = new DynamoDbSessionDirectory(dynamo.table(dynamo.client(), "sessions"));
    }

    @AfterAll
    static void stop() {
        dynamo.close();
    }

    @Override
    protected SessionDirectory directory() {
        return directory;
    }
}
