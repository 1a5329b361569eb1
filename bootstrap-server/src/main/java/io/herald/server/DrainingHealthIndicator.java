package io.herald.server;

import io.herald.adapter.websocket.ServerDrain;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/** A node that has begun to stop is not ready: new clients belong on another node, which they reach on reconnect. */
@Singleton
@Readiness
public class DrainingHealthIndicator implements HealthIndicator {
    private final ServerDrain drain;

    public DrainingHealthIndicator(ServerDrain drain) {
        this.drain = drain;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(HealthResult.builder("draining", drain.isDraining() ? HealthStatus.DOWN : HealthStatus.UP)
                .details(java.util.Map.of("draining", drain.isDraining())).build());
    }
}
