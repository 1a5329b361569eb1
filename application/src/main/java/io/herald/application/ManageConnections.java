package io.herald.application;

import io.herald.application.port.Clock;
import io.herald.application.port.ConnectionCloser;
import io.herald.application.port.ConnectionLog;
import io.herald.application.port.PageCursor;
import io.herald.domain.ConnectionId;
import io.herald.domain.ConnectionRecord;
import io.herald.domain.ConnectionStatus;
import io.herald.domain.Member;
import io.herald.domain.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The connection manager's admin side (seed 004), for the game's backend: look connections up by player, by session
 * or all of them, change a status (disconnecting closes the socket where this process can), and clean up: a
 * connection silent for longer than {@code inactiveFor} is closed and marked disconnected, and one disconnected for
 * longer than that is forgotten. A node closes only its own sockets; another node's silent one is left to that
 * node's own cleanup, unless it has been silent twice as long (its node is presumed gone).
 */
public final class ManageConnections {
    private static final int PAGE = 500;

    private final ConnectionLog log;
    private final ConnectionCloser closer;
    private final Clock clock;

    public ManageConnections(ConnectionLog log, ConnectionCloser closer, Clock clock) {
        this.log = log;
        this.closer = closer;
        this.clock = clock;
    }

    public List<ConnectionRecord> ofPlayer(Member member) {
        return log.ofPlayer(member);
    }

    public List<ConnectionRecord> ofSession(SessionId session) {
        return log.ofSession(session);
    }

    public ConnectionLog.RecordPage all(Optional<PageCursor> cursor, int limit) {
        return log.all(cursor, limit);
    }

    /** Whether there was such a connection; marking one disconnected also closes its socket when this process can. */
    public boolean setStatus(ConnectionId id, ConnectionStatus status) {
        if (status == ConnectionStatus.DISCONNECTED) {
            closer.close(id);
        }
        return log.setStatus(id, status, clock.now());
    }

    public record Cleaned(int closed, int forgotten) {
    }

    public Cleaned cleanUp(Duration inactiveFor) {
        Instant now = clock.now();
        Instant cutoff = now.minus(inactiveFor);
        Instant presumedGone = now.minus(inactiveFor.multipliedBy(2));
        int closed = 0;
        int forgotten = 0;
        Optional<PageCursor> cursor = Optional.empty();
        do {
            ConnectionLog.RecordPage page = log.all(cursor, PAGE);
            for (ConnectionRecord record : page.records()) {
                if (!record.inactiveSince(cutoff)) {
                    continue;
                }
                if (record.status() == ConnectionStatus.DISCONNECTED) {
                    log.forget(record.id());
                    forgotten++;
                } else if (closer.close(record.id()) || record.inactiveSince(presumedGone)) {
                    log.closed(record.id(), now);
                    closed++;
                }
            }
            cursor = page.next();
        } while (cursor.isPresent());
        return new Cleaned(closed, forgotten);
    }
}
