package io.herald.adapter.metrics;

import io.herald.application.spi.CompositionRecorder;
import io.herald.application.port.Metrics;

/** Every model call the cost log records is counted too, by purpose: an event's message or a character's line. */
final class MeasuredCompositionRecorder implements CompositionRecorder {
    private final CompositionRecorder log;
    private final Metrics metrics;

    MeasuredCompositionRecorder(CompositionRecorder log, Metrics metrics) {
        this.log = log;
        this.metrics = metrics;
    }

    @Override
    public void record(Call call) {
        String purpose = call.event().value().startsWith("Chat-") ? "chat" : "message";
        metrics.modelCall(purpose, call.fallbackReason().orElse(""), call.promptTokens(), call.completionTokens(),
                call.latency());
        log.record(call);
    }
}
