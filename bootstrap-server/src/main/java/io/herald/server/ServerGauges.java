package io.herald.server;

import io.herald.adapter.websocket.InProcessEventPublisher;
import io.herald.adapter.websocket.LocalConnections;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;

/** What this node holds right now, read at each scrape: its open sockets and the events waiting for a worker. */
@Context
@Requires(beans = MeterRegistry.class)
public class ServerGauges {

    public ServerGauges(MeterRegistry registry, LocalConnections connections, InProcessEventPublisher events) {
        Gauge.builder("herald.connections.open", connections, LocalConnections::openSockets)
                .description("WebSocket connections open on this node").register(registry);
        Gauge.builder("herald.events.queue.depth", events, InProcessEventPublisher::waiting)
                .description("accepted game events waiting for an orchestration worker on this node").register(registry);
    }
}
