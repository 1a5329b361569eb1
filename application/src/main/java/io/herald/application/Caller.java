package io.herald.application;

import io.herald.application.port.ConnectionRegistry;
import io.herald.domain.ConnectionId;
import io.herald.domain.Member;
import java.util.Objects;
import java.util.Optional;

/**
 * Who asks, as the edge knows it: a connection (the member it authenticated as) or a verified token's member. A
 * payload never names its own sender; this is the only way a use case learns who is speaking.
 */
public sealed interface Caller {

    record OnConnection(ConnectionId connection) implements Caller {
        public OnConnection {
            Objects.requireNonNull(connection, "connection");
        }
    }

    record WithToken(Member member) implements Caller {
        public WithToken {
            Objects.requireNonNull(member, "member");
        }
    }

    /** The member behind the caller, unless its connection is gone. */
    default Optional<Member> member(ConnectionRegistry connections) {
        return switch (this) {
            case OnConnection on -> connections.find(on.connection()).map(Member::of);
            case WithToken token -> Optional.of(token.member());
        };
    }
}
