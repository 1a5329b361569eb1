package io.herald.lambda;

import io.herald.adapter.metrics.EmbeddedMetrics;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * A function reports its indicators as CloudWatch embedded metrics: gathered during an invocation, written to the log
 * at its end (CloudWatch Logs extracts them; no agent, no API call while the caller waits).
 */
@Factory
public class LambdaMetrics {
    static final String NAMESPACE = "Herald";

    @Singleton
    EmbeddedMetrics embeddedMetrics() {
        return new EmbeddedMetrics(NAMESPACE, System::currentTimeMillis);
    }

    /** Writes what this invocation measured; a context that never made the bean has nothing to write. */
    static void flush(ApplicationContext context) {
        if (context != null && context.isRunning()) {
            context.findBean(EmbeddedMetrics.class).ifPresent(metrics -> metrics.flush(System.out::println));
        }
    }

    /** Priming is not traffic: what it measured is dropped before the snapshot. */
    static void forget(ApplicationContext context) {
        context.findBean(EmbeddedMetrics.class).ifPresent(metrics -> metrics.flush(line -> { }));
    }
}
