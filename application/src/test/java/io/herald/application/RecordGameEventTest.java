package io.herald.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.application.RecordGameEvent.Recorded;
import io.herald.application.fake.FakeHerald.TestTeam;
import io.herald.application.fake.FakeHerald;
import io.herald.application.port.Push;
import io.herald.domain.ConnectionId;
import io.herald.domain.DeltaType;
import io.herald.domain.NodeComplete;
import io.herald.domain.NodeId;
import io.herald.domain.ObjectArrive;
import io.herald.domain.ObjectId;
import io.herald.domain.PlayerId;
import io.herald.domain.Refusal;
import io.herald.domain.RuntimeDelta;
import io.herald.domain.SessionId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordGameEventTest {
    private final FakeHerald herald = new FakeHerald();
    private final TestTeam team = herald.team("Ana", "Ben", "Cal");
    private final PlayerId ana = team.player(0);

    private RecordGameEvent.Outcome record(io.herald.domain.GameEvent event, Optional<List<RuntimeDelta>> deltas) {
        return herald.recordGameEvent.record(new RecordGameEvent.Command(event, deltas));
    }

    @Test
    void runtime_deltas_reach_every_connection_of_the_session_except_the_senders() {
        ConnectionId anaPhone = herald.connect(team.session(), ana);
        ConnectionId anaTablet = herald.connect(team.session(), ana);
        ConnectionId benPhone = herald.connect(team.session(), team.player(1));
        ConnectionId calPhone = herald.connect(team.session(), team.player(2));
        ConnectionId calTablet = herald.connect(team.session(), team.player(2));
        TestTeam otherTeam = herald.team("Zed", "Yan");
        ConnectionId stranger = herald.connect(otherTeam.session(), otherTeam.player(0));
        NodeComplete event = new NodeComplete(team.session(), ana, new NodeId("node-3"), herald.clock.now());

        Recorded recorded = (Recorded) record(event, Optional.empty());

        assertThat(recorded.devicesUpdated()).isEqualTo(3);
        for (ConnectionId other : List.of(benPhone, calPhone, calTablet)) {
            assertThat(herald.gateway.pushesTo(other, Push.RuntimeDeltas.class))
                    .singleElement().extracting(Push.RuntimeDeltas::deltas).isEqualTo(event.derivedDeltas());
        }
        assertThat(herald.gateway.pushesTo(anaPhone)).isEmpty();
        assertThat(herald.gateway.pushesTo(anaTablet)).isEmpty();
        assertThat(herald.gateway.pushesTo(stranger)).isEmpty();
    }

    @Test
    void the_runtimes_own_deltas_are_sent_as_given_and_the_event_goes_on_to_orchestration() {
        ConnectionId benPhone = herald.connect(team.session(), team.player(1));
        RuntimeDelta consensus = new RuntimeDelta(DeltaType.CONSENSUS_UPDATED,
                Map.of("gateId", "g1", "succeeded", 2, "total", 3), herald.clock.now());
        NodeComplete event = new NodeComplete(team.session(), ana, new NodeId("node-3"), herald.clock.now());

        Recorded recorded = (Recorded) record(event, Optional.of(List.of(consensus)));

        assertThat(recorded.deltas()).containsExactly(consensus);
        assertThat(recorded.eventId()).isEqualTo(event.id());
        assertThat(herald.gateway.pushesTo(benPhone, Push.RuntimeDeltas.class)).singleElement()
                .extracting(Push.RuntimeDeltas::deltas).isEqualTo(List.of(consensus));
        assertThat(herald.publisher.published()).containsExactly(event);
    }

    @Test
    void an_arrival_is_remembered_for_the_team_condition() {
        record(new ObjectArrive(team.session(), ana, new ObjectId("statue"), herald.clock.now()), Optional.empty());

        assertThat(herald.directory.arrivals(team.session(), new ObjectId("statue"))).containsExactly(ana);

        ObjectArrive benArrives = new ObjectArrive(team.session(), team.player(1), new ObjectId("statue"),
                herald.clock.now());
        record(benArrives, Optional.empty());
        assertThat(herald.orchestrate.handle(benArrives)).as("two of three arrived: the team is not complete")
                .isInstanceOfSatisfying(OrchestrateMessages.Sent.class, sent -> assertThat(sent.message().type())
                        .isEqualTo(io.herald.domain.MessageType.INDIVIDUAL));
        ObjectArrive calArrives = new ObjectArrive(team.session(), team.player(2), new ObjectId("statue"),
                herald.clock.now());
        record(calArrives, Optional.empty());
        assertThat(herald.orchestrate.handle(calArrives)).as("the arrivals recorded here complete the team")
                .isInstanceOfSatisfying(OrchestrateMessages.Sent.class, sent -> {
                    assertThat(sent.message().type()).isEqualTo(io.herald.domain.MessageType.BROADCAST);
                    assertThat(sent.message().recipients()).containsExactlyElementsOf(team.players());
                });
    }

    @Test
    void an_event_for_an_unknown_session_or_player_is_refused_and_nothing_is_published() {
        assertThat(record(new NodeComplete(new SessionId("nope"), ana, new NodeId("n"), herald.clock.now()), Optional.empty()))
                .isEqualTo(new Refused(Refusal.UNKNOWN_SESSION));
        assertThat(record(new NodeComplete(team.session(), new PlayerId("stranger"), new NodeId("n"), herald.clock.now()),
                Optional.empty())).isEqualTo(new Refused(Refusal.UNKNOWN_PLAYER));
        assertThat(herald.publisher.published()).isEmpty();
    }

    @Test
    void a_device_that_is_gone_is_forgotten_while_the_others_still_get_the_deltas() {
        ConnectionId stale = herald.connect(team.session(), team.player(1));
        ConnectionId live = herald.connect(team.session(), team.player(2));
        herald.gateway.goneFor(stale);

        record(new NodeComplete(team.session(), ana, new NodeId("node-3"), herald.clock.now()), Optional.empty());

        assertThat(herald.connections.find(stale)).isEmpty();
        assertThat(herald.gateway.pushesTo(live)).hasSize(1);
    }
}
