package io.herald.adapter.redis;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * Says whether this node is linked to the others. Without Redis a node still serves its own sockets and stores
 * every message, so it is not down: it is degraded (HTTP 200, status DEGRADED), and the details say what is missing.
 */
final class RelayHealthIndicator implements HealthIndicator {
    /** Between UP and DOWN: severity orders it, and an unknown operational state keeps the answer a 200. */
    static final HealthStatus DEGRADED = new HealthStatus("DEGRADED",
            "serving this node's own sockets only: frames for other nodes are not relayed, presence is this node's",
            null, 500);

    private final RedisLink link;

    RelayHealthIndicator(RedisLink link) {
        this.link = link;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("node", link.node());
        details.put("redis", link.isUp() ? "connected" : link.problem());
        details.put("framesNotRelayed", link.unrelayed());
        return Publishers.just(HealthResult.builder("relay", link.isUp() ? HealthStatus.UP : DEGRADED)
                .details(details).build());
    }
}
