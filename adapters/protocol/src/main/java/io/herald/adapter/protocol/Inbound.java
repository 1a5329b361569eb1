package io.herald.adapter.protocol;

import io.herald.domain.Ack;
import io.herald.domain.InboxKey;
import io.herald.domain.PlayerId;
import io.herald.domain.PlayerState;
import io.herald.domain.SessionId;
import java.util.Optional;

/** A frame a client sent, decoded and validated; {@code ref} echoes back in any error about it. */
public sealed interface Inbound {

    /** {@code join_session}, or seed 001's {@code join} which names a player name instead of an id. */
    record Join(SessionId session, Optional<PlayerId> player) implements Inbound {
    }

    /** {@code ai_message_delivered} / {@code ai_message_read}; the client's timestamp is informational only. */
    record Acknowledge(SessionId session, InboxKey key, Ack ack) implements Inbound {
    }

    record StateUpdate(PlayerState state) implements Inbound {
    }

    record Ping() implements Inbound {
    }
}
