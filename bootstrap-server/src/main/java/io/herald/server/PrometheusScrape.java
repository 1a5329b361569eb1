package io.herald.server;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * {@code GET /metrics}: everything the node measures, in Prometheus' text format. It holds counts and timings only,
 * no ids or contents, so it is open like {@code /health}; keep the port off the internet if even that is too much.
 */
@Controller("/metrics")
@Requires(beans = PrometheusMeterRegistry.class)
public class PrometheusScrape {
    private final PrometheusMeterRegistry registry;

    public PrometheusScrape(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Get(produces = "text/plain; version=0.0.4; charset=utf-8")
    public String scrape() {
        return registry.scrape();
    }
}
