package io.herald.application.port;

import io.herald.domain.ConnectionId;
import io.herald.domain.VoiceSession;
import java.util.Optional;

/** The voice session each connection has open, at most one: in memory on a server node, in the table in Lambda. */
public interface VoiceSessions {

    /** Opens it unless the connection has one open already. */
    boolean start(VoiceSession session);

    Optional<VoiceSession> find(ConnectionId connection);

    /** Stores the session as it is after a chunk. */
    void update(VoiceSession session);

    /** Closes and returns it, if there was one. */
    Optional<VoiceSession> end(ConnectionId connection);
}
