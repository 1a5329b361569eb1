package io.herald.adapter.dynamodb;

import io.herald.application.contract.CooldownGuardContract;
import io.herald.application.port.CooldownGuard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The cooldown contract on DynamoDB Local, its race included. */
class DynamoDbCooldownGuardTest extends CooldownGuardContract {
    private static LocalDynamoDb dynamo;
    private static CooldownGuard guard;

    @BeforeAll
    static void start() {
        dynamo = LocalDynamoDb.start();
        guard = new DynamoDbCooldownGuard(dynamo.table(dynamo.client(), "cooldowns"));
    }

    @AfterAll
    static void stop() {
        dynamo.close();
    }

    @Override
    protected CooldownGuard guard() {
        return guard;
    }
}
