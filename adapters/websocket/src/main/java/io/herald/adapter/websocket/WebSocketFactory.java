package io.herald.adapter.websocket;

import io.herald.application.LocalVoiceSessions;
import io.herald.application.OrchestrateMessages;
import io.herald.application.port.Clock;
import io.herald.application.port.ConnectionLog;
import io.herald.application.spi.PendingEvents;
import io.herald.application.spi.PushFormat;
import io.herald.application.port.RosterChanges;
import io.herald.application.port.VoiceSessions;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The server shape's own beans: its devices, where connection work runs, the event queue, roster news. */
@Factory
public class WebSocketFactory {
    static final String CONNECTION_WORK = "herald-connection-work";
    /** Names this node's own devices, for a relay between nodes that wraps them. */
    public static final String LOCAL = "local";

    /** The registry, presence and delivery engine of this node's sockets; a relay between nodes may wrap them. */
    @Singleton
    @Named(LOCAL)
    LocalConnections localConnections(PushFormat format) {
        return new LocalConnections(format);
    }

    /** Virtual threads: thousands of mostly idle connections, each blocking briefly on the store now and then. */
    @Singleton
    @Named(CONNECTION_WORK)
    @Bean(preDestroy = "shutdown")
    ExecutorService connectionWork() {
        return Executors.newVirtualThreadPerTaskExecutor();
    }

    /** Made at start, not on the first request: events a dead node held must be recovered even if none arrives. */
    @Context
    @Bean(preDestroy = "drain")
    InProcessEventPublisher inProcessEvents(OrchestrateMessages orchestrate, PendingEvents pending, Clock clock,
            EventQueueSettings settings) {
        return new InProcessEventPublisher(orchestrate, pending, clock, settings.queueCapacity(), settings.workers(),
                settings.recoverAfter(), settings.recoveryInterval());
    }

    /** The connection manager's records, written in the background so sockets never wait for them. */
    @Singleton
    @Primary
    @Bean(preDestroy = "close")
    BackgroundConnectionLog backgroundConnectionLog(@Named("store") ConnectionLog store) {
        return new BackgroundConnectionLog(store);
    }

    /** A connection's frames all arrive at the node holding it, so its voice session lives in that node's memory. */
    @Singleton
    VoiceSessions localVoiceSessions() {
        return new LocalVoiceSessions();
    }

    /** Alone, a node has no one to tell about roster changes; a relay between nodes replaces this. */
    @Singleton
    @Secondary
    RosterChanges localRosterChanges() {
        return new LocalRosterChanges();
    }
}
