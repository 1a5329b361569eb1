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

    public ServerDrain(InProcessEventPublisher events, LocalConnections connections) {
        this.events = events;
        this.connections = connections;
    }

    @Override
    public CompletionStage<?> shutdownGracefully() {
        return CompletableFuture.runAsync(() -> {
            events.drain();
            connections.closeAll();
        });
    }
}
