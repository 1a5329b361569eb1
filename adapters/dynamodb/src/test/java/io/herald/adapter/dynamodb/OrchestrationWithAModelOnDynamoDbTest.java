package io.herald.adapter.dynamodb;

import io.herald.application.fake.ScriptedComposer;

/** The pipeline on DynamoDB Local with a composer paid per call: claim, cooldown, then copies and done in one write. */
class OrchestrationWithAModelOnDynamoDbTest extends OrchestrationOnDynamoDbTest {
    @Override
    protected ScriptedComposer composer(ScriptedComposer script) {
        return script;
    }
}
