package io.herald.adapter.micronaut;

import io.herald.application.spi.CompositionRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Model-call records as log lines, until a store or metrics registry takes them; never lost silently. */
final class LoggingCompositionRecorder implements CompositionRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingCompositionRecorder.class);

    @Override
    public void record(Call call) {
        LOG.info("model call model={} event={} promptTokens={} completionTokens={} latencyMs={} outcome={}",
                call.model(), call.event(), call.promptTokens(), call.completionTokens(), call.latency().toMillis(),
                call.fallbackReason().map(r -> "fallback: " + r).orElse("ok"));
    }
}
