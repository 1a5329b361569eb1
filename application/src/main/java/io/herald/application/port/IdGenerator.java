package io.herald.application.port;

import io.herald.domain.ConnectionId;
import io.herald.domain.MessageId;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import io.herald.domain.TeamCode;

/** New identities, supplied from outside for the same reason as the clock. */
public interface IdGenerator {
    MessageId newMessageId();

    ConnectionId newConnectionId();

    SessionId newSessionId();

    PlayerId newPlayerId();

    TeamCode newTeamCode();
}
