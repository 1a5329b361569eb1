package io.herald.application;

import io.herald.application.port.Clock;
import io.herald.application.port.ConnectionLog;
import io.herald.domain.ConnectionId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notes that a connection sent a frame, cheaply: every frame is seen here, but the connection manager's record is
 * written at most once per {@code every} per connection, so a chatty client costs the store nothing more.
 */
public final class ConnectionActivity {
    private static final int MAX_TRACKED = 200_000;

    private final ConnectionLog log;
    private final Clock clock;
    private final Duration every;
    private final Map<ConnectionId, Instant> written = new ConcurrentHashMap<>();

    public ConnectionActivity(ConnectionLog log, Clock clock, Duration every) {
        this.log = log;
        this.clock = clock;
        this.every = every;
    }

    public void seen(ConnectionId connection) {
        Instant now = clock.now();
        Instant last = written.get(connection);
        if (last != null && now.isBefore(last.plus(every))) {
            return;
        }
        if (written.size() >= MAX_TRACKED) {
            written.clear();
        }
        written.put(connection, now);
        log.active(connection, now);
    }

    /** The connection is gone; nothing more to throttle for it. */
    public void forget(ConnectionId connection) {
        written.remove(connection);
    }
}
