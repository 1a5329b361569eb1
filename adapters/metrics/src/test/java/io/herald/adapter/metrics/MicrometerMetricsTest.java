package io.herald.adapter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.application.spi.CompositionRecorder;
import io.herald.application.port.Reach;
import io.herald.domain.EventId;
import io.herald.domain.SessionId;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MicrometerMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerMetrics metrics = new MicrometerMetrics(registry);

    private double count(String name, String... tags) {
        var counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void a_push_counts_each_device_by_result_and_gone_ones_are_the_stale_connections() {
        metrics.pushed("ai_message", new Reach(3, 1, 0), Duration.ofMillis(4));
        metrics.pushed("ai_message", new Reach(2, 0, 1), Duration.ofMillis(6));

        assertThat(count("herald.push", "kind", "ai_message", "result", "sent")).isEqualTo(5);
        assertThat(count("herald.push", "kind", "ai_message", "result", "gone")).isEqualTo(1);
        assertThat(count("herald.push", "kind", "ai_message", "result", "failed")).isEqualTo(1);
        assertThat(registry.find("herald.push.duration").tag("kind", "ai_message").timer().count()).isEqualTo(2);
    }

    @Test
    void online_delivery_is_a_timer_with_its_percentiles_by_message_type() {
        for (int ms = 1; ms <= 100; ms++) {
            metrics.deliveredOnline("broadcast", Duration.ofMillis(ms));
        }

        Timer timer = registry.find("herald.delivery.online").tag("type", "broadcast").timer();
        assertThat(timer.count()).isEqualTo(100);
        assertThat(timer.max(TimeUnit.MILLISECONDS)).isEqualTo(100);
        var p95 = List.of(timer.takeSnapshot().percentileValues()).stream()
                .filter(p -> p.percentile() == 0.95).findFirst().orElseThrow();
        assertThat(p95.value(TimeUnit.MILLISECONDS)).isBetween(90.0, 100.0);
    }

    @Test
    void orchestration_outcomes_count_cooldown_holds_and_fallbacks_apart() {
        metrics.orchestrated("sent", false);
        metrics.orchestrated("sent", true);
        metrics.orchestrated("cooling_down", false);
        metrics.duplicateSuppressed("event");
        metrics.broadcastCopies(4);

        assertThat(count("herald.events.orchestrated", "outcome", "sent", "text", "composed")).isEqualTo(1);
        assertThat(count("herald.events.orchestrated", "outcome", "sent", "text", "fallback")).isEqualTo(1);
        assertThat(count("herald.cooldown.holds")).isEqualTo(1);
        assertThat(count("herald.duplicates.suppressed", "what", "event")).isEqualTo(1);
        assertThat(count("herald.broadcast.copies")).isEqualTo(4);
    }

    @Test
    void model_calls_are_counted_through_the_cost_log_by_purpose_reason_category_and_tokens() {
        List<CompositionRecorder.Call> logged = new ArrayList<>();
        CompositionRecorder recorder = new MeasuredCompositionRecorder(logged::add, metrics);
        SessionId session = new SessionId("s1");
        recorder.record(new CompositionRecorder.Call(Instant.EPOCH, session, new EventId("NodeComplete-1"), "m", 120,
                30, Duration.ofMillis(800), Optional.empty()));
        recorder.record(new CompositionRecorder.Call(Instant.EPOCH, session, new EventId("Chat-9"), "m", 0, 0,
                Duration.ofMillis(3), Optional.of("circuit open")));

        assertThat(logged).hasSize(2);
        assertThat(count("herald.llm.calls", "purpose", "message", "result", "ok")).isEqualTo(1);
        assertThat(count("herald.llm.calls", "purpose", "chat", "result", "fallback", "reason", "circuit_open"))
                .isEqualTo(1);
        assertThat(count("herald.llm.tokens", "purpose", "message", "kind", "prompt")).isEqualTo(120);
        assertThat(count("herald.llm.tokens", "purpose", "message", "kind", "completion")).isEqualTo(30);
    }

    @Test
    void frames_and_refusals_are_counted_by_type_and_stable_code() {
        metrics.frameIn("join_session");
        metrics.frameIn("join_session");
        metrics.refused("websocket", "invalid_frame");
        metrics.caughtUp(3, Duration.ofMillis(7));

        assertThat(count("herald.frames.in", "type", "join_session")).isEqualTo(2);
        assertThat(count("herald.refusals", "channel", "websocket", "code", "invalid_frame")).isEqualTo(1);
        assertThat(registry.find("herald.catchup").timer().count()).isEqualTo(1);
        assertThat(registry.find("herald.catchup.messages").summary().totalAmount()).isEqualTo(3);
    }

    @Test
    void store_calls_count_their_retries_and_throttled_attempts_by_operation() {
        metrics.storeCall("TransactWriteItems", true, 2, 2, Duration.ofMillis(80));
        metrics.storeCall("TransactWriteItems", false, 7, 8, Duration.ofSeconds(2));
        metrics.storeCall("GetItem", true, 0, 0, Duration.ofMillis(3));

        assertThat(count("herald.store.calls", "operation", "TransactWriteItems", "result", "ok")).isEqualTo(1);
        assertThat(count("herald.store.calls", "operation", "TransactWriteItems", "result", "failed")).isEqualTo(1);
        assertThat(count("herald.store.retries", "operation", "TransactWriteItems")).isEqualTo(9);
        assertThat(count("herald.store.throttled", "operation", "TransactWriteItems")).isEqualTo(10);
        assertThat(count("herald.store.retries", "operation", "GetItem")).isZero();
        assertThat(registry.find("herald.store.latency").tag("operation", "GetItem").timer().count()).isEqualTo(1);
    }
}
