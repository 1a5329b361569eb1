package io.herald.adapter.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.application.port.Metrics;
import io.herald.application.port.Reach;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The core's indicators for a Lambda: gathered during an invocation and written at its end as CloudWatch embedded
 * metric format lines, which CloudWatch Logs turns into metrics with no agent and no API call on the request path.
 * Names and dimensions are those the server exports to Prometheus ({@link MicrometerMetrics}), dots kept.
 */
public final class EmbeddedMetrics implements Metrics {
    /** EMF takes at most 100 values per metric in one document; beyond that the timing is summarised. */
    private static final int MAX_VALUES = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String namespace;
    private final LongSupplier epochMillis;
    private final Map<Series, Sample> pending = new ConcurrentHashMap<>();

    public EmbeddedMetrics(String namespace, LongSupplier epochMillis) {
        this.namespace = namespace;
        this.epochMillis = epochMillis;
    }

    /** One metric under one set of dimension values: an EMF document of its own. */
    private record Series(String name, String unit, List<String> dimensions) {
    }

    /** What was recorded for a series since the last flush. */
    private static final class Sample {
        private final List<Double> values = new ArrayList<>();
        private double total;

        synchronized void add(double value, boolean summed) {
            if (summed) {
                total += value;
            } else if (values.size() < MAX_VALUES) {
                values.add(value);
            }
        }
    }

    private void count(String name, double amount, String... dimensions) {
        if (amount > 0) {
            pending.computeIfAbsent(new Series(name, "Count", List.of(dimensions)), s -> new Sample()).add(amount, true);
        }
    }

    private void time(String name, Duration value, String... dimensions) {
        pending.computeIfAbsent(new Series(name, "Milliseconds", List.of(dimensions)), s -> new Sample())
                .add(value.toNanos() / 1e6, false);
    }

    /** Writes one line per series recorded since the last flush, then forgets them: call at an invocation's end. */
    public void flush(Consumer<String> log) {
        for (Series series : List.copyOf(pending.keySet())) {
            Sample sample = pending.remove(series);
            if (sample != null) {
                log.accept(document(series, sample));
            }
        }
    }

    private String document(Series series, Sample sample) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", epochMillis.getAsLong());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", namespace);
        ArrayNode dimensionSet = directive.putArray("Dimensions").addArray();
        for (int i = 0; i + 1 < series.dimensions().size(); i += 2) {
            dimensionSet.add(series.dimensions().get(i));
            root.put(series.dimensions().get(i), series.dimensions().get(i + 1));
        }
        directive.putArray("Metrics").addObject().put("Name", series.name()).put("Unit", series.unit());
        synchronized (sample) {
            if (series.unit().equals("Count")) {
                root.put(series.name(), sample.total);
            } else {
                ArrayNode values = root.putArray(series.name());
                sample.values.forEach(values::add);
            }
        }
        return root.toString();
    }

    @Override
    public void pushed(String pushType, Reach reach, Duration took) {
        count("herald.push", reach.sent(), "kind", pushType, "result", "sent");
        count("herald.push", reach.gone(), "kind", pushType, "result", "gone");
        count("herald.push", reach.failed(), "kind", pushType, "result", "failed");
        time("herald.push.duration", took, "kind", pushType);
    }

    @Override
    public void deliveredOnline(String messageType, Duration sinceStored) {
        time("herald.delivery.online", sinceStored, "type", messageType);
    }

    @Override
    public void orchestrated(String outcome, boolean fallbackText) {
        count("herald.events.orchestrated", 1, "outcome", outcome, "text", fallbackText ? "fallback" : "composed");
        if (outcome.equals("cooling_down")) {
            count("herald.cooldown.holds", 1);
        }
    }

    @Override
    public void broadcastCopies(int copies) {
        count("herald.broadcast.copies", copies);
    }

    @Override
    public void duplicateSuppressed(String what) {
        count("herald.duplicates.suppressed", 1, "what", what);
    }

    @Override
    public void caughtUp(int messages, Duration took) {
        time("herald.catchup", took);
        count("herald.catchup.messages", messages);
    }

    @Override
    public void modelCall(String purpose, String fallbackReason, int promptTokens, int completionTokens,
            Duration latency) {
        boolean answered = fallbackReason.isEmpty();
        count("herald.llm.calls", 1, "purpose", purpose, "result", answered ? "ok" : "fallback", "reason",
                answered ? "none" : FallbackReasons.category(fallbackReason));
        count("herald.llm.tokens", promptTokens, "purpose", purpose, "kind", "prompt");
        count("herald.llm.tokens", completionTokens, "purpose", purpose, "kind", "completion");
        time("herald.llm.latency", latency, "purpose", purpose);
    }

    @Override
    public void frameIn(String type) {
        count("herald.frames.in", 1, "type", type);
    }

    @Override
    public void refused(String channel, String code) {
        count("herald.refusals", 1, "channel", channel, "code", code);
    }

    @Override
    public void storeCall(String operation, boolean succeeded, int retries, int throttledAttempts, Duration took) {
        count("herald.store.calls", 1, "operation", operation, "result", succeeded ? "ok" : "failed");
        count("herald.store.retries", retries, "operation", operation);
        count("herald.store.throttled", throttledAttempts, "operation", operation);
        time("herald.store.latency", took, "operation", operation);
    }
}
