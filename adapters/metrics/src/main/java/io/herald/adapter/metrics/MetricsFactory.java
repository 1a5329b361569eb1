package io.herald.adapter.metrics;

import io.herald.application.port.Metrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** The core's indicators go to whichever Micrometer registry the shape brings (Prometheus on a server). */
@Factory
public class MetricsFactory {

    @Singleton
    @Requires(beans = MeterRegistry.class)
    Metrics micrometerMetrics(MeterRegistry registry) {
        return new MicrometerMetrics(registry);
    }
}
