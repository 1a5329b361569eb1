package io.herald.application.port;

import io.herald.domain.PlayerId;
import io.herald.domain.RoomId;
import io.herald.domain.SessionId;
import java.util.Objects;
import java.util.Optional;

/** Whom a push is for, named by who they are rather than by which sockets they hold, so any node can find them. */
public sealed interface Audience {

    /** An audience inside one session: who of it is meant is decided by player. */
    sealed interface InSession extends Audience {
        SessionId session();

        /** Whether a device of {@code player} in {@code session} is part of this audience. */
        boolean includes(SessionId session, PlayerId player);
    }

    /** Every device of one player. */
    record Player(SessionId session, PlayerId player) implements InSession {
        public Player {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(player, "player");
        }

        @Override
        public boolean includes(SessionId session, PlayerId player) {
            return this.session.equals(session) && this.player.equals(player);
        }
    }

    /** Every device of a session, except those of the player who caused the push when one is named. */
    record Session(SessionId session, Optional<PlayerId> except) implements InSession {
        public Session {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(except, "except");
        }

        @Override
        public boolean includes(SessionId session, PlayerId player) {
            return this.session.equals(session) && except.map(e -> !e.equals(player)).orElse(true);
        }
    }

    /** Every device subscribed to a room, on whichever node, whatever session its player is in. */
    record Room(RoomId room) implements Audience {
        public Room {
            Objects.requireNonNull(room, "room");
        }
    }

    static Audience player(SessionId session, PlayerId player) {
        return new Player(session, player);
    }

    static Audience everyoneIn(SessionId session) {
        return new Session(session, Optional.empty());
    }

    static Audience othersIn(SessionId session, PlayerId sender) {
        return new Session(session, Optional.of(sender));
    }

    static Audience subscribersOf(RoomId room) {
        return new Room(room);
    }
}
