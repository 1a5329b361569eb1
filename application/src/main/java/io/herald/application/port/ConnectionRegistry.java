package io.herald.application.port;

import io.herald.domain.Connection;
import io.herald.domain.ConnectionId;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import java.util.List;
import java.util.Optional;

/** Which devices are connected, looked up by id, by player and by session, each in one step. */
public interface ConnectionRegistry {

    /** Records or updates a connection; once joined it is also found by its player and its session. */
    void save(Connection connection);

    Optional<Connection> find(ConnectionId id);

    /** The joined connections (devices) of one player. */
    List<Connection> ofPlayer(SessionId session, PlayerId player);

    /** The joined connections of a whole session. */
    List<Connection> ofSession(SessionId session);

    /** Forgets a connection knowing only its id (all a disconnect knows); returns what was removed. */
    Optional<Connection> remove(ConnectionId id);
}
