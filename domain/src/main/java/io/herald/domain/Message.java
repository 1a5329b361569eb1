package io.herald.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** One recipient's copy of a message, as stored and pushed: the unit of delivery tracking and catch-up. */
public record Message(
        MessageId messageId,
        MessageType type,
        SessionId session,
        PlayerId recipient,
        Sender sender,
        String content,
        Trigger trigger,
        Instant createdAt,
        Instant expiresAt,
        Delivery delivery) {

    /** How long a copy is kept and owed: the seed's 48 hours. */
    public static final Duration RETENTION = Duration.ofHours(48);
    /** Longest text a message may carry, so any copy fits one 32 KiB frame even in 4-byte UTF-8. */
    public static final int MAX_CONTENT_LENGTH = 4_000;

    public Message {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(sender, "sender");
        requireContent(content);
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(delivery, "delivery");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a message must expire after it was created");
        }
    }

    static String requireContent(String content) {
        if (content == null || content.isBlank()) {
            throw new IllegalArgumentException("message content must not be blank");
        }
        if (content.length() > MAX_CONTENT_LENGTH) {
            throw new IllegalArgumentException("message content is longer than " + MAX_CONTENT_LENGTH + " characters");
        }
        return content;
    }

    public InboxKey inboxKey() {
        return new InboxKey(recipient, trigger.eventId());
    }

    /** Expired copies are never returned or pushed, whether or not the store has deleted them yet. */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /**
     * The rule every store follows (its contract replays it): an ack moves a copy only forward, and an ack for a
     * state already reached returns this very copy, which a store reports as unchanged.
     */
    public Message acknowledge(Ack ack, Instant at) {
        Delivery next = ack.applyTo(delivery, at);
        return next == delivery ? this
                : new Message(messageId, type, session, recipient, sender, content, trigger, createdAt, expiresAt, next);
    }
}
