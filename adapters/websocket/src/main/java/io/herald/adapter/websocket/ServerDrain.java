package io.herald.adapter.websocket;

import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The order of a graceful stop, run while Netty still holds the sockets: first finish the events already accepted
 * (their messages are stored and pushed), then close every socket with 1001 so clients reconnect and catch up.
 */
@Singleton
public class ServerDrain implements GracefulShutdownCapable {
    private final InProcessEventPublisher events;
    private final LocalConnections connections;
    private volatile boolean draining;

    public ServerDrain(InProcessEventPublisher events, LocalConnections connections) {
        this.events = events;
        this.connections = connections;
    }

    @Override
    public CompletionStage<?> shutdownGracefully() {
        draining = true;
        return CompletableFuture.runAsync(() -> {
            events.drain();
            connections.closeAll();
        });
    }

    /** Whether this node has begun to stop: a load balancer should send it nothing new. */
    public boolean isDraining() {
        return draining;
    }
}
