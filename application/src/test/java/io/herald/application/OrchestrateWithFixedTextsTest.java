package io.herald.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.application.fake.ScriptedComposer;
import io.herald.application.port.PageRequest;
import io.herald.application.port.Push;
import io.herald.domain.ConnectionId;
import io.herald.domain.NodeComplete;
import io.herald.domain.NodeId;
import org.junit.jupiter.api.Test;

/** The pipeline with a composer that costs nothing: composed first, then claim, cooldown and copies in one step. */
class OrchestrateWithFixedTextsTest extends OrchestrateMessagesTest {

    @Override
    protected ScriptedComposer composing(ScriptedComposer script) {
        return script.instant();
    }

    @Test
    void a_duplicate_event_is_composed_again_for_free_and_stored_once() {
        NodeComplete event = new NodeComplete(team.session(), team.player(0), new NodeId("node-1"), herald.clock.now());
        ConnectionId phone = herald.connect(team.session(), team.player(0));

        OrchestrateMessages.Outcome first = herald.orchestrate.handle(event);
        OrchestrateMessages.Outcome second = herald.orchestrate.handle(event);

        assertThat(first).isInstanceOf(OrchestrateMessages.Sent.class);
        assertThat(second).isEqualTo(new OrchestrateMessages.Duplicate(event.id()));
        assertThat(herald.composer.requests()).hasSize(2);
        assertThat(herald.store.copyCount()).isEqualTo(1);
        assertThat(herald.gateway.pushesTo(phone, Push.AiMessage.class)).hasSize(1);
        assertThat(herald.fetchUndelivered.fetch(new FetchUndelivered.Query(team.session(), team.player(0),
                PageRequest.first(10))).messages()).singleElement()
                .isEqualTo(((OrchestrateMessages.Sent) first).message().fanOut().getFirst());
    }
}
