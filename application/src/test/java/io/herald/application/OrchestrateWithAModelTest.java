package io.herald.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.application.fake.ScriptedComposer;
import io.herald.domain.NodeComplete;
import io.herald.domain.NodeId;
import org.junit.jupiter.api.Test;

/** The pipeline with a composer paid per call: the event is claimed before the model is asked. */
class OrchestrateWithAModelTest extends OrchestrateMessagesTest {

    @Override
    protected ScriptedComposer composing(ScriptedComposer script) {
        return script;
    }

    @Test
    void a_duplicate_event_never_reaches_the_model() {
        NodeComplete event = new NodeComplete(team.session(), team.player(0), new NodeId("node-1"), herald.clock.now());

        OrchestrateMessages.Outcome first = herald.orchestrate.handle(event);
        OrchestrateMessages.Outcome second = herald.orchestrate.handle(event);

        assertThat(first).isInstanceOf(OrchestrateMessages.Sent.class);
        assertThat(second).isEqualTo(new OrchestrateMessages.Duplicate(event.id()));
        assertThat(herald.composer.requests()).hasSize(1);
    }
}
