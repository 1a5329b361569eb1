package io.herald.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a conversation between characters that the players of a session overhear (seed 003, option 3): the
 * {@code index}-th line, by {@code speaker}, linked to the model call that wrote it when one did.
 */
public record ConversationLine(String conversationId, int index, SessionId session, CharacterId speaker, RoomText text,
        Instant at, Optional<String> llmInteractionId) {
    public ConversationLine {
        Ids.require(conversationId, "conversation id");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(llmInteractionId, "llmInteractionId");
        if (index < 0) {
            throw new IllegalArgumentException("a line's index is never negative");
        }
    }
}
