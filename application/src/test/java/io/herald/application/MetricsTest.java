package io.herald.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.application.fake.FakeHerald.TestTeam;
import io.herald.application.fake.FakeHerald;
import io.herald.application.fake.ManualClock;
import io.herald.application.fake.RecordingMetrics;
import io.herald.application.fake.ScriptedComposer;
import io.herald.application.port.Audience;
import io.herald.application.port.Fanout;
import io.herald.application.port.PageRequest;
import io.herald.application.port.Push;
import io.herald.application.port.Reach;
import io.herald.domain.Milestone;
import io.herald.domain.NodeComplete;
import io.herald.domain.NodeId;
import io.herald.domain.ObjectId;
import io.herald.domain.PlayerId;
import io.herald.domain.RuntimeDelta;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The indicators the core reports: what each scenario of the pipeline and of delivery counts, and nothing more. */
class MetricsTest {
    private final FakeHerald herald = new FakeHerald(ScriptedComposer.answering("Nice work!"), Duration.ofMinutes(5));
    private final TestTeam team = herald.team("Ana", "Ben", "Cal");
    private final PlayerId ana = team.player(0);

    private NodeComplete anaCompletes(String node) {
        return new NodeComplete(team.session(), ana, new NodeId(node), herald.clock.now());
    }

    @Test
    void an_individual_message_to_a_connected_player_is_counted_sent_pushed_and_delivered_online() {
        herald.connect(team.session(), ana);

        herald.orchestrate.handle(anaCompletes("node-1"));

        assertThat(herald.metrics.lines()).containsExactly(
                "pushed ai_message sent=1 gone=0 failed=0",
                "delivered individual",
                "orchestrated sent");
    }

    @Test
    void a_repeated_event_is_a_suppressed_duplicate_and_a_held_one_a_cooldown_hold() {
        herald.orchestrate.handle(anaCompletes("node-1"));
        herald.orchestrate.handle(anaCompletes("node-1"));
        herald.orchestrate.handle(anaCompletes("node-2"));

        assertThat(herald.metrics.lines()).containsExactly(
                "pushed ai_message sent=0 gone=0 failed=0",
                "orchestrated sent",
                "orchestrated duplicate",
                "duplicate event",
                "orchestrated cooling_down");
    }

    @Test
    void a_broadcast_counts_its_copies_and_the_fallback_text_is_told_apart() {
        FakeHerald failing = new FakeHerald(ScriptedComposer.failing("timeout"));
        TestTeam trio = failing.team("Ana", "Ben", "Cal");

        failing.orchestrate.handle(new Milestone(trio.session(), new ObjectId("statue"), failing.clock.now()));

        assertThat(failing.metrics.lines()).contains("orchestrated sent fallback", "broadcast copies=3");
    }

    @Test
    void catch_up_counts_the_messages_it_hands_back() {
        herald.orchestrate.handle(anaCompletes("node-1"));

        herald.fetchUndelivered.fetch(new FetchUndelivered.Query(team.session(), ana, PageRequest.first(50)));

        assertThat(herald.metrics.lines()).endsWith("caught up 1");
    }

    @Test
    void online_delivery_is_timed_from_the_moment_the_copy_was_stored_and_gone_devices_are_counted() {
        ManualClock clock = herald.clock;
        RecordingMetrics metrics = new RecordingMetrics();
        Fanout slowEngine = (audience, push) -> {
            clock.advance(Duration.ofMillis(40));
            return new Reach(2, 1, 0);
        };
        herald.orchestrate.handle(anaCompletes("node-1"));
        var copy = herald.fetchUndelivered.fetch(new FetchUndelivered.Query(team.session(), ana, PageRequest.first(1)))
                .messages().getFirst();
        clock.advance(Duration.ofMillis(10));

        new MeasuredFanout(slowEngine, metrics, clock).send(Audience.player(team.session(), ana), new Push.AiMessage(copy));
        new MeasuredFanout(slowEngine, metrics, clock).send(Audience.everyoneIn(team.session()),
                new Push.RuntimeDeltas(team.session(), List.<RuntimeDelta>of()));

        assertThat(metrics.onlineDeliveries()).containsExactly(Duration.ofMillis(50));
        assertThat(metrics.lines()).containsExactly(
                "pushed ai_message sent=2 gone=1 failed=0",
                "delivered individual",
                "pushed runtime_deltas sent=2 gone=1 failed=0");
    }
}
