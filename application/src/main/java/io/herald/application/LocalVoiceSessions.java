package io.herald.application;

import io.herald.application.port.VoiceSessions;
import io.herald.domain.ConnectionId;
import io.herald.domain.VoiceSession;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Voice sessions in memory, where the process holds the sockets (a server node): a connection's frames all arrive at
 * the node that holds it, so its voice session never needs to be seen anywhere else.
 */
public final class LocalVoiceSessions implements VoiceSessions {
    private final Map<ConnectionId, VoiceSession> open = new ConcurrentHashMap<>();

    @Override
    public boolean start(VoiceSession session) {
        return open.putIfAbsent(session.connection(), session) == null;
    }

    @Override
    public Optional<VoiceSession> find(ConnectionId connection) {
        return Optional.ofNullable(open.get(connection));
    }

    @Override
    public void update(VoiceSession session) {
        open.computeIfPresent(session.connection(), (c, old) -> old.id().equals(session.id()) ? session : old);
    }

    @Override
    public Optional<VoiceSession> end(ConnectionId connection) {
        return Optional.ofNullable(open.remove(connection));
    }
}
