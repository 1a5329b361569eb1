package io.herald.adapter.websocket;

import io.herald.application.OrchestrateMessages;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The server shape's own beans: where connection work runs, and the in-process event queue. */
@Factory
public class WebSocketFactory {
    static final String CONNECTION_WORK = "herald-connection-work";

    /** Virtual threads: thousands of mostly idle connections, each blocking briefly on the store now and then. */
    @Singleton
    @Named(CONNECTION_WORK)
    @Bean(preDestroy = "shutdown")
    ExecutorService connectionWork() {
        return Executors.newVirtualThreadPerTaskExecutor();
    }

    @Singleton
    @Bean(preDestroy = "drain")
    InProcessEventPublisher inProcessEvents(OrchestrateMessages orchestrate,
            @Value("${herald.events.queue-capacity:10000}") int capacity,
            @Value("${herald.events.workers:8}") int workers) {
        return new InProcessEventPublisher(orchestrate, capacity, workers);
    }
}
