package io.herald.application.port;

import io.herald.domain.Ack;
import io.herald.domain.EventId;
import io.herald.domain.InboxKey;
import io.herald.domain.Message;
import io.herald.domain.OutgoingMessage;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import java.time.Instant;
import java.util.Optional;

/** Where every recipient's copy lives from the moment it is decided until it expires: the inbox of record. */
public interface MessageStore {

    /**
     * The short way, for a message composed before its event was claimed: if the event was never claimed, claims it,
     * applies the cooldown effect, stores every copy and marks the event done, as one atomic step. An event another
     * processor holds or left half-done, or a message with more copies than one write takes, is
     * {@link Settlement.NotInOneStep}: nothing is written and the caller claims it the long way.
     */
    Settlement settle(OutgoingMessage message, CooldownEffect cooldown, Instant now);

    /** Claims an event for processing; see {@link EventClaim} for the three answers. */
    EventClaim claim(SessionId session, EventId event, Instant now);

    /**
     * Stores every copy of the message exactly once and marks the event done. A copy that already exists (from a
     * processor that died half-way) is left as it is. Throws when it cannot finish; nothing is silently dropped.
     */
    void save(EventClaim.Granted claim, OutgoingMessage message);

    /** Marks a claimed event done without a message (the policy or the cooldown said no). */
    void finishWithoutMessage(EventClaim.Granted claim);

    /** Records an ack on one copy; only ever moves it forward. */
    AckResult acknowledge(SessionId session, InboxKey key, Ack ack, Instant at);

    /** One copy by its key, unless it does not exist or has expired at {@code now}. */
    Optional<Message> find(SessionId session, InboxKey key, Instant now);

    /**
     * What is still owed to a player, oldest first, never anything expired at {@code now}.
     *
     * @throws PageCursor.Invalid for a cursor this store did not give out to this player
     */
    MessagePage undelivered(SessionId session, PlayerId player, Instant now, PageRequest page);

    enum AckResult {
        RECORDED,
        UNCHANGED,
        NOT_FOUND
    }
}
