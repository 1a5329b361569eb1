package io.herald.adapter.websocket;

import io.herald.adapter.protocol.Frames;
import io.herald.application.port.ConnectionGateway;
import io.herald.application.port.Push;
import io.herald.domain.ConnectionId;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sockets open on this process, and pushes to them. A connection the registry still lists but this process
 * does not hold (a restart left it behind) is reported gone, so the registry forgets it.
 */
@Singleton
public class LocalSessions implements ConnectionGateway {
    private static final Logger LOG = LoggerFactory.getLogger(LocalSessions.class);

    private final Map<ConnectionId, WebSocketSession> sessions = new ConcurrentHashMap<>();
    private final Map<CompletableFuture<?>, Boolean> inFlight = new ConcurrentHashMap<>();
    private final Frames frames;

    public LocalSessions(Frames frames) {
        this.frames = frames;
    }

    void add(ConnectionId id, WebSocketSession session) {
        sessions.put(id, session);
    }

    void remove(ConnectionId id) {
        sessions.remove(id);
    }

    int size() {
        return sessions.size();
    }

    @Override
    public PushResult push(ConnectionId connection, Push push) {
        WebSocketSession session = sessions.get(connection);
        if (session == null || !session.isOpen()) {
            return PushResult.GONE;
        }
        CompletableFuture<String> sent = session.sendAsync(frames.push(push));
        inFlight.put(sent, Boolean.TRUE);
        sent.whenComplete((ok, error) -> {
            inFlight.remove(sent);
            if (error != null) {
                LOG.debug("push to {} failed; the message stays owed", connection, error);
            }
        });
        return PushResult.SENT;
    }

    /** Lets pushes already handed to Netty finish, then closes every socket with 1001 so clients reconnect elsewhere. */
    void closeAll() {
        try {
            CompletableFuture.allOf(inFlight.keySet().toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            LOG.warn("some pushes did not finish before shutdown; their messages stay owed to catch-up");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sessions.values().forEach(session -> {
            try {
                session.close(CloseReason.GOING_AWAY);
            } catch (RuntimeException e) {
                LOG.debug("closing a socket at shutdown failed", e);
            }
        });
        sessions.clear();
    }
}
