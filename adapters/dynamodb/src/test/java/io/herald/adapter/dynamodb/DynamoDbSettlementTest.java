package io.herald.adapter.dynamodb;

import io.herald.application.contract.MessageStoreContract;
import io.herald.application.contract.SettlementContract;
import io.herald.application.port.CooldownGuard;
import io.herald.application.port.MessageStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The one-step settle on DynamoDB Local: one transaction for claim, cooldown and copies, its races included. */
class DynamoDbSettlementTest extends SettlementContract {
    private static LocalDynamoDb dynamo;
    private static DynamoDbTable table;

    @BeforeAll
    static void start() {
        dynamo = LocalDynamoDb.start();
        table = dynamo.table(dynamo.client(), "settlements");
    }

    @AfterAll
    static void stop() {
        table.close();
        dynamo.close();
    }

    @Override
    protected MessageStore store() {
        return new DynamoDbMessageStore(table, MessageStoreContract.LEASE);
    }

    @Override
    protected CooldownGuard guard() {
        return new DynamoDbCooldownGuard(table);
    }
}
