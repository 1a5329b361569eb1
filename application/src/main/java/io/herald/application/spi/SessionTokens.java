package io.herald.application.spi;

import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import java.util.Objects;
import java.util.Optional;

/** Signed, expiring proof of who a client is: issued at registration, checked at every door (HTTP, WebSocket). */
public interface SessionTokens {

    String issue(SessionId session, PlayerId player);

    /** The identity a token proves, or empty when it is malformed, forged or expired. */
    Optional<Identity> verify(String token);

    record Identity(SessionId session, PlayerId player) {
        public Identity {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(player, "player");
        }
    }
}
