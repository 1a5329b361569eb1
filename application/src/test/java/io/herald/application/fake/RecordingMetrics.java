package io.herald.application.fake;

import io.herald.application.port.Metrics;
import io.herald.application.port.Reach;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Keeps every metric the core reports, as readable lines, so a test can say exactly what was measured. */
public final class RecordingMetrics implements Metrics {
    private final List<String> lines = new ArrayList<>();
    private final List<Duration> onlineDeliveries = new ArrayList<>();

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    public synchronized List<Duration> onlineDeliveries() {
        return List.copyOf(onlineDeliveries);
    }

    @Override
    public synchronized void pushed(String pushType, Reach reach, Duration took) {
        lines.add("pushed " + pushType + " sent=" + reach.sent() + " gone=" + reach.gone() + " failed=" + reach.failed());
    }

    @Override
    public synchronized void deliveredOnline(String messageType, Duration sinceStored) {
        lines.add("delivered " + messageType);
        onlineDeliveries.add(sinceStored);
    }

    @Override
    public synchronized void orchestrated(String outcome, boolean fallbackText) {
        lines.add("orchestrated " + outcome + (fallbackText ? " fallback" : ""));
    }

    @Override
    public synchronized void broadcastCopies(int copies) {
        lines.add("broadcast copies=" + copies);
    }

    @Override
    public synchronized void duplicateSuppressed(String what) {
        lines.add("duplicate " + what);
    }

    @Override
    public synchronized void caughtUp(int messages, Duration took) {
        lines.add("caught up " + messages);
    }

    @Override
    public synchronized void modelCall(String purpose, String fallbackReason, int promptTokens, int completionTokens,
            Duration latency) {
        lines.add("model " + purpose + " " + (fallbackReason.isEmpty() ? "ok" : fallbackReason) + " tokens="
                + promptTokens + "+" + completionTokens);
    }

    @Override
    public synchronized void frameIn(String type) {
        lines.add("frame in " + type);
    }

    @Override
    public synchronized void refused(String channel, String code) {
        lines.add("refused " + channel + " " + code);
    }

    @Override
    public synchronized void storeCall(String operation, boolean succeeded, int retries, int throttledAttempts,
            Duration took) {
        lines.add("store " + operation + (succeeded ? " ok" : " failed") + " retries=" + retries + " throttled="
                + throttledAttempts);
    }
}
