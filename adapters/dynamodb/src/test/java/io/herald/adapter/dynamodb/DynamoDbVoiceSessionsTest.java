package io.herald.adapter.dynamodb;

import io.herald.application.contract.VoiceSessionsContract;
import io.herald.application.port.VoiceSessions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Voice sessions on DynamoDB Local, as the Lambda shape keeps them. */
class DynamoDbVoiceSessionsTest extends VoiceSessionsContract {
    private static LocalDynamoDb dynamo;
    private static DynamoDbTable table;
    private final DynamoDbVoiceSessions sessions = new DynamoDbVoiceSessions(table);

    @BeforeAll
    static void start() {
        dynamo = LocalDynamoDb.start();
        table = dynamo.table(dynamo.client(), "voice");
    }

    @AfterAll
    static void stop() {
        table.close();
        dynamo.close();
    }

    @Override
    protected VoiceSessions sessions() {
        return sessions;
    }
}
