package io.herald.application;

import io.herald.application.port.ConnectionRegistry;
import io.herald.application.port.SessionDirectory;
import io.herald.domain.Connection;
import io.herald.domain.ConnectionId;
import io.herald.domain.PlayerId;
import io.herald.domain.Refusal;
import io.herald.domain.SessionId;
import java.util.Optional;

/** Binds a connection to its session so it receives the session's pushes; it may only join as itself. */
public final class JoinSession {
    private final ConnectionRegistry connections;
    private final SessionDirectory directory;

    public JoinSession(ConnectionRegistry connections, SessionDirectory directory) {
        this.connections = connections;
        this.directory = directory;
    }

    /** {@code player} absent: join as whoever the connection authenticated as (seed 001's {@code join} names none). */
    public record Command(ConnectionId connection, SessionId session, Optional<PlayerId> player) {
        public Command(ConnectionId connection, SessionId session, PlayerId player) {
            this(connection, session, Optional.of(player));
        }
    }

    public sealed interface Outcome permits Joined, Refused {
    }

    public record Joined(Connection connection) implements Outcome {
    }

    public Outcome join(Command command) {
        Optional<Connection> opened = connections.find(command.connection());
        if (opened.isEmpty()) {
            return new Refused(Refusal.UNKNOWN_CONNECTION);
        }
        PlayerId player = command.player().orElse(opened.get().player());
        Optional<Refusal> refusal = opened.get().mayJoin(command.session(), player);
        if (refusal.isPresent()) {
            return new Refused(refusal.get());
        }
        if (directory.player(command.session(), player).isEmpty()) {
            return new Refused(Refusal.UNKNOWN_PLAYER);
        }
        Connection joined = opened.get().join();
        connections.save(joined);
        return new Joined(joined);
    }
}
