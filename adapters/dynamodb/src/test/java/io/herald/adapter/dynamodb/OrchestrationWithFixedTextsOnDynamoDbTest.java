package io.herald.adapter.dynamodb;

import io.herald.application.fake.ScriptedComposer;

/** The pipeline on DynamoDB Local with fixed texts: claim, cooldown and copies settled in one transaction. */
class OrchestrationWithFixedTextsOnDynamoDbTest extends OrchestrationOnDynamoDbTest {
    @Override
    protected ScriptedComposer composer(ScriptedComposer script) {
        return script.instant();
    }
}
