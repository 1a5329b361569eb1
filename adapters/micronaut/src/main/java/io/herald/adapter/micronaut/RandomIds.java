package io.herald.adapter.micronaut;

import io.herald.application.port.IdGenerator;
import io.herald.domain.ConnectionId;
import io.herald.domain.MessageId;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import io.herald.domain.TeamCode;
import java.security.SecureRandom;
import java.util.UUID;

/** Unguessable ids: session and player ids end up in URLs and keys, so they must not be enumerable. */
final class RandomIds implements IdGenerator {
    private final SecureRandom random = new SecureRandom();

    @Override
    public MessageId newMessageId() {
        return new MessageId("msg-" + UUID.randomUUID());
    }

    @Override
    public ConnectionId newConnectionId() {
        return new ConnectionId("conn-" + UUID.randomUUID());
    }

    @Override
    public SessionId newSessionId() {
        return new SessionId("session-" + UUID.randomUUID());
    }

    @Override
    public PlayerId newPlayerId() {
        return new PlayerId("player-" + UUID.randomUUID());
    }

    @Override
    public TeamCode newTeamCode() {
        return TeamCode.from(random.ints(TeamCode.LENGTH, 0, TeamCode.ALPHABET.length()).toArray());
    }
}
