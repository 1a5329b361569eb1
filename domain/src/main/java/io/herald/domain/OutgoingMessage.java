package io.herald.domain;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A message as decided and composed, before fan-out: one text for one or more recipients. Fan-out turns it into
 * one copy per recipient, all sharing the message id and the trigger's event id.
 */
public record OutgoingMessage(
        MessageId messageId,
        MessageType type,
        SessionId session,
        List<PlayerId> recipients,
        Sender sender,
        String content,
        Trigger trigger,
        Instant createdAt) {

    public OutgoingMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(session, "session");
        recipients = List.copyOf(new LinkedHashSet<>(recipients));
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a message needs at least one recipient");
        }
        if (type == MessageType.INDIVIDUAL && recipients.size() != 1) {
            throw new IllegalArgumentException("an individual message has exactly one recipient");
        }
        Objects.requireNonNull(sender, "sender");
        Message.requireContent(content);
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public List<Message> fanOut() {
        Instant expiresAt = createdAt.plus(Message.RETENTION);
        return recipients.stream()
                .map(recipient -> new Message(messageId, type, session, recipient, sender, content, trigger,
                        createdAt, expiresAt, new Delivery.Created()))
                .toList();
    }
}
