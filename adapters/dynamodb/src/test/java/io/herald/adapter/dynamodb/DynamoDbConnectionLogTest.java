package io.herald.adapter.dynamodb;

import io.herald.application.contract.ConnectionLogContract;
import io.herald.application.port.ConnectionLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The connection manager's records on DynamoDB Local, all of them paged across the shards. */
class DynamoDbConnectionLogTest extends ConnectionLogContract {
    private static LocalDynamoDb dynamo;
    private static DynamoDbTable table;
    private final DynamoDbConnectionLog log = new DynamoDbConnectionLog(table);

    @BeforeAll
    static void start() {
        dynamo = LocalDynamoDb.start();
        table = dynamo.table(dynamo.client(), "connection-log");
    }

    @AfterAll
    static void stop() {
        table.close();
        dynamo.close();
    }

    @Override
    protected ConnectionLog log() {
        return log;
    }
}
