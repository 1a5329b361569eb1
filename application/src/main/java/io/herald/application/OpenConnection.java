package io.herald.application;

import io.herald.application.port.Clock;
import io.herald.application.port.ConnectionLog;
import io.herald.application.port.ConnectionRegistry;
import io.herald.domain.Connection;
import io.herald.domain.ConnectionId;
import io.herald.domain.ConnectionRecord;
import io.herald.domain.Member;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;

/**
 * Remembers a new connection and the identity its token proved. In Lambda the handshake is the only moment the
 * token is seen, so the identity must be stored then, before any frame arrives.
 */
public final class OpenConnection {
    private final ConnectionRegistry connections;
    private final ConnectionLog log;
    private final Clock clock;

    public OpenConnection(ConnectionRegistry connections, ConnectionLog log, Clock clock) {
        this.connections = connections;
        this.log = log;
        this.clock = clock;
    }

    /** {@code clientAddress} and {@code userAgent}: what the handshake said, for the connection manager only. */
    public record Command(ConnectionId connection, SessionId session, PlayerId player, String clientAddress,
            String userAgent) {
        public Command(ConnectionId connection, SessionId session, PlayerId player) {
            this(connection, session, player, "", "");
        }
    }

    public Connection open(Command command) {
        Connection opened = Connection.opened(command.connection(), command.session(), command.player(), clock.now());
        connections.save(opened);
        log.opened(ConnectionRecord.opened(opened.id(), Member.of(opened), opened.openedAt(), command.clientAddress(),
                command.userAgent()));
        return opened;
    }
}
