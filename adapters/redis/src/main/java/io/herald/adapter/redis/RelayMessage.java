package io.herald.adapter.redis;

import io.herald.application.port.Audience;
import io.herald.domain.PlayerId;
import io.herald.domain.RoomId;
import io.herald.domain.SessionId;
import java.util.Objects;
import java.util.Optional;

/**
 * What one node tells the others over the relay channel: a frame for an audience, or news that a session's roster
 * changed. Written as a few lines of text (ids cannot hold a line break; the frame is one line of JSON and comes
 * last), so a node reads only the head of a message it has no sockets for.
 */
sealed interface RelayMessage {
    String VERSION = "h1";

    /** The node that sent it, which ignores its own messages: it delivered to its own sockets already. */
    String origin();

    /** {@code offset}: a room message's place in its room, which orders it on every node; 0 for any other frame. */
    record Frame(String origin, Audience audience, String frame, long offset) implements RelayMessage {
        public Frame {
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(audience, "audience");
            Objects.requireNonNull(frame, "frame");
            if (offset < 0) {
                throw new IllegalArgumentException("an offset is never negative");
            }
        }

        public Frame(String origin, Audience audience, String frame) {
            this(origin, audience, frame, 0);
        }
    }

    record RosterChanged(String origin, SessionId session) implements RelayMessage {
        public RosterChanged {
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(session, "session");
        }
    }

    static String encode(RelayMessage message) {
        return switch (message) {
            case Frame f -> switch (f.audience()) {
                case Audience.Player p -> String.join("\n", VERSION, f.origin(), "player", p.session().value(),
                        p.player().value(), f.frame());
                case Audience.Session s -> String.join("\n", VERSION, f.origin(), "session", s.session().value(),
                        s.except().map(PlayerId::value).orElse(""), f.frame());
                case Audience.Room r -> String.join("\n", VERSION, f.origin(), "room", r.room().value(),
                        Long.toString(f.offset()), f.frame());
            };
            case RosterChanged r -> String.join("\n", VERSION, r.origin(), "roster", r.session().value());
        };
    }

    /** The message, or empty for anything this version does not read (a newer node's kind, or garbage). */
    static Optional<RelayMessage> decode(String text) {
        String[] head = text.split("\n", 6);
        if (head.length < 4 || !VERSION.equals(head[0])) {
            return Optional.empty();
        }
        try {
            String origin = head[1];
            if ("room".equals(head[2])) {
                return head.length == 6
                        ? Optional.of(new Frame(origin, Audience.subscribersOf(new RoomId(head[3])), head[5],
                                Long.parseLong(head[4])))
                        : Optional.empty();
            }
            SessionId session = new SessionId(head[3]);
            return switch (head[2]) {
                case "player" -> head.length == 6
                        ? Optional.of(new Frame(origin, Audience.player(session, new PlayerId(head[4])), head[5]))
                        : Optional.empty();
                case "session" -> head.length == 6
                        ? Optional.of(new Frame(origin, new Audience.Session(session,
                                head[4].isEmpty() ? Optional.empty() : Optional.of(new PlayerId(head[4]))), head[5]))
                        : Optional.empty();
                case "roster" -> Optional.of(new RosterChanged(origin, session));
                default -> Optional.empty();
            };
        } catch (IllegalArgumentException invalidId) {
            return Optional.empty();
        }
    }
}
