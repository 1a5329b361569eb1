package io.herald.adapter.metrics;

import io.herald.application.port.Metrics;
import io.herald.application.port.Reach;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The core's indicators as Micrometer meters. Names are dotted here; Prometheus sees {@code herald_push_total},
 * {@code herald_delivery_online_seconds_bucket}… and CloudWatch the dotted names. Every tag has a small, fixed set
 * of values (kinds, outcomes, stable codes, reason categories), never ids or free text.
 */
public final class MicrometerMetrics implements Metrics {
    /** Latency targets are tens of milliseconds; the buckets reach far enough to show a store stalling for seconds. */
    private static final Duration[] LATENCY_SLOS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;
    /*
     * The meters met on every frame and every push, kept once made: building and looking one up again allocates on the
     * hottest paths. Their keys come from small fixed sets (frame types, push kinds and results).
     */
    private final Map<String, Counter> framesIn = new ConcurrentHashMap<>();
    private final Map<String, Counter> pushCopies = new ConcurrentHashMap<>();
    private final Map<String, Timer> pushDurations = new ConcurrentHashMap<>();

    public MicrometerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void pushed(String pushType, Reach reach, Duration took) {
        copies(pushType, "sent", reach.sent());
        copies(pushType, "gone", reach.gone());
        copies(pushType, "failed", reach.failed());
        pushDurations.computeIfAbsent(pushType, kind -> Timer.builder("herald.push.duration")
                .description("time to hand one push to every device of its audience")
                .tag("kind", kind).serviceLevelObjectives(LATENCY_SLOS).register(registry)).record(took);
    }

    private void copies(String pushType, String result, int count) {
        if (count > 0) {
            pushCopies.computeIfAbsent(pushType + '|' + result, key -> Counter.builder("herald.push")
                    .description("devices a push was written to (sent), found gone (410), or failed")
                    .tag("kind", pushType).tag("result", result).register(registry)).increment(count);
        }
    }

    @Override
    public void deliveredOnline(String messageType, Duration sinceStored) {
        Timer.builder("herald.delivery.online")
                .description("an AI message copy, from stored to written to a connected device")
                .tag("type", messageType).publishPercentiles(0.5, 0.95, 0.99).serviceLevelObjectives(LATENCY_SLOS)
                .register(registry).record(sinceStored);
    }

    @Override
    public void orchestrated(String outcome, boolean fallbackText) {
        Counter.builder("herald.events.orchestrated").description("game events orchestrated, by how they ended")
                .tag("outcome", outcome).tag("text", fallbackText ? "fallback" : "composed").register(registry)
                .increment();
        if (outcome.equals("cooling_down")) {
            Counter.builder("herald.cooldown.holds").description("individual messages held back by the cooldown")
                    .register(registry).increment();
        }
    }

    @Override
    public void broadcastCopies(int copies) {
        Counter.builder("herald.broadcast.copies").description("copies stored for broadcasts, one per recipient")
                .register(registry).increment(copies);
    }

    @Override
    public void duplicateSuppressed(String what) {
        Counter.builder("herald.duplicates.suppressed").description("repeats recognised and not done twice")
                .tag("what", what).register(registry).increment();
    }

    @Override
    public void caughtUp(int messages, Duration took) {
        Timer.builder("herald.catchup").description("one catch-up page read from the store")
                .publishPercentiles(0.5, 0.95, 0.99).serviceLevelObjectives(LATENCY_SLOS).register(registry)
                .record(took);
        DistributionSummary.builder("herald.catchup.messages").description("messages handed back by one catch-up page")
                .register(registry).record(messages);
    }

    @Override
    public void modelCall(String purpose, String fallbackReason, int promptTokens, int completionTokens,
            Duration latency) {
        boolean answered = fallbackReason.isEmpty();
        Counter.builder("herald.llm.calls").description("language model calls, by purpose and how they ended")
                .tag("purpose", purpose).tag("result", answered ? "ok" : "fallback")
                .tag("reason", answered ? "none" : FallbackReasons.category(fallbackReason)).register(registry)
                .increment();
        Counter.builder("herald.llm.tokens").description("tokens billed by the model").tag("purpose", purpose)
                .tag("kind", "prompt").register(registry).increment(promptTokens);
        Counter.builder("herald.llm.tokens").description("tokens billed by the model").tag("purpose", purpose)
                .tag("kind", "completion").register(registry).increment(completionTokens);
        Timer.builder("herald.llm.latency").description("one model call, retries included").tag("purpose", purpose)
                .serviceLevelObjectives(LATENCY_SLOS).register(registry).record(latency);
    }

    @Override
    public void frameIn(String type) {
        framesIn.computeIfAbsent(type, t -> Counter.builder("herald.frames.in")
                .description("frames received from devices, by type").tag("type", t).register(registry)).increment();
    }

    @Override
    public void refused(String channel, String code) {
        Counter.builder("herald.refusals").description("requests and frames refused, by stable error code")
                .tag("channel", channel).tag("code", code).register(registry).increment();
    }

    @Override
    public void storeCall(String operation, boolean succeeded, int retries, int throttledAttempts, Duration took) {
        Counter.builder("herald.store.calls").description("calls to the store, by operation and how they ended")
                .tag("operation", operation).tag("result", succeeded ? "ok" : "failed").register(registry).increment();
        if (retries > 0) {
            Counter.builder("herald.store.retries").description("attempts the store client made again")
                    .tag("operation", operation).register(registry).increment(retries);
        }
        if (throttledAttempts > 0) {
            Counter.builder("herald.store.throttled").description("attempts the store refused for throughput")
                    .tag("operation", operation).register(registry).increment(throttledAttempts);
        }
        Timer.builder("herald.store.latency").description("one store call, its retries included")
                .tag("operation", operation).serviceLevelObjectives(LATENCY_SLOS).register(registry).record(took);
    }
}
