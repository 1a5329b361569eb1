package io.herald.application;

import io.herald.application.port.Clock;
import io.herald.application.port.ConnectionRegistry;
import io.herald.application.port.MessageStore;
import io.herald.domain.Ack;
import io.herald.domain.Connection;
import io.herald.domain.ConnectionId;
import io.herald.domain.InboxKey;
import io.herald.domain.Refusal;
import io.herald.domain.SessionId;
import java.util.Objects;
import java.util.Optional;

/**
 * Records that a device received or read a copy. The player is the one bound to the connection, never one named
 * in the frame; a repeated ack is answered as already recorded, not as an error.
 */
public final class AcknowledgeMessage {
    private final ConnectionRegistry connections;
    private final MessageStore store;
    private final Clock clock;

    public AcknowledgeMessage(ConnectionRegistry connections, MessageStore store, Clock clock) {
        this.connections = connections;
        this.store = store;
        this.clock = clock;
    }

    public record Command(ConnectionId connection, SessionId session, InboxKey key, Ack ack) {
        public Command {
            Objects.requireNonNull(connection, "connection");
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(ack, "ack");
        }
    }

    public sealed interface Outcome permits Recorded, AlreadyRecorded, Refused {
    }

    public record Recorded(InboxKey key, Ack ack) implements Outcome {
    }

    public record AlreadyRecorded(InboxKey key, Ack ack) implements Outcome {
    }

    public Outcome acknowledge(Command command) {
        Optional<Connection> connection = connections.find(command.connection());
        if (connection.isEmpty()) {
            return new Refused(Refusal.UNKNOWN_CONNECTION);
        }
        Optional<Refusal> refusal = connection.get().mayAcknowledge(command.session(), command.key());
        if (refusal.isPresent()) {
            return new Refused(refusal.get());
        }
        return switch (store.acknowledge(command.session(), command.key(), command.ack(), clock.now())) {
            case RECORDED -> new Recorded(command.key(), command.ack());
            case UNCHANGED -> new AlreadyRecorded(command.key(), command.ack());
            case NOT_FOUND -> new Refused(Refusal.MESSAGE_NOT_FOUND);
        };
    }
}
