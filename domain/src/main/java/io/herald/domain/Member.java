package io.herald.domain;

import java.util.Objects;

/**
 * Who belongs to a room: a player as the token names them, within their session. The sender of a room message is
 * always the member bound to the connection or token, never one named in a payload.
 */
public record Member(SessionId session, PlayerId player) {
    public Member {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(player, "player");
    }

    public static Member of(Connection connection) {
        return new Member(connection.session(), connection.player());
    }
}
