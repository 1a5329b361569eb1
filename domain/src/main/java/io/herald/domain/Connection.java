package io.herald.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One device's live connection and the identity it authenticated as. It is bound to its session once the
 * client joins; from then on acks are judged by this identity, never by what a frame claims.
 */
public record Connection(ConnectionId id, SessionId session, PlayerId player, Instant openedAt, Stage stage) {
    public Connection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(stage, "stage");
    }

    /** Where a connection is: authenticated and open, then bound to its session by a join (never back). */
    public enum Stage {
        OPENED,
        JOINED
    }

    /** Only a joined connection receives the session's pushes or may acknowledge, relay or speak. */
    public boolean joined() {
        return stage == Stage.JOINED;
    }

    /** Identifies the player behind a connection within its session, whichever device it is. */
    public record Key(SessionId session, PlayerId player) {
    }

    public Key key() {
        return new Key(session, player);
    }

    public static Connection opened(ConnectionId id, SessionId session, PlayerId player, Instant at) {
        return new Connection(id, session, player, at, Stage.OPENED);
    }

    /** A join must name the very session and player the connection authenticated as. */
    public Optional<Refusal> mayJoin(SessionId claimedSession, PlayerId claimedPlayer) {
        if (!session.equals(claimedSession)) {
            return Optional.of(Refusal.SESSION_MISMATCH);
        }
        if (!player.equals(claimedPlayer)) {
            return Optional.of(Refusal.PLAYER_MISMATCH);
        }
        return Optional.empty();
    }

    public Connection join() {
        return joined() ? this : new Connection(id, session, player, openedAt, Stage.JOINED);
    }

    /** Ack authority: the key must be this player's, in this connection's session, after a join. */
    public Optional<Refusal> mayAcknowledge(SessionId claimedSession, InboxKey key) {
        if (!joined()) {
            return Optional.of(Refusal.UNKNOWN_CONNECTION);
        }
        if (!session.equals(claimedSession)) {
            return Optional.of(Refusal.SESSION_MISMATCH);
        }
        if (!key.belongsTo(player)) {
            return Optional.of(Refusal.NOT_YOUR_MESSAGE);
        }
        return Optional.empty();
    }
}
