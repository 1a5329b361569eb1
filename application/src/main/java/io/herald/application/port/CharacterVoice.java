package io.herald.application.port;

import io.herald.domain.CharacterId;
import io.herald.domain.ChatTurn;
import io.herald.domain.SessionId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes what a character says next in a conversation: with a model (OpenAI) or, without one, not at all (the use
 * case then says its fixed line). The conversation so far is given as data, never as instructions.
 */
public interface CharacterVoice {

    Line next(Request request);

    /**
     * @param transcript the conversation so far, oldest first (already bounded by the caller): a player's turns, and
     *                   characters' lines, the speaker's own among them
     * @param session    whose model-call record this is
     * @param topic      what characters talking among themselves talk about; a chat with a player has none
     */
    record Request(SessionId session, CharacterId speaker, List<ChatTurn> transcript, Optional<String> topic) {
        public Request {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(speaker, "speaker");
            Objects.requireNonNull(topic, "topic");
            transcript = List.copyOf(transcript);
        }

        public Request(SessionId session, CharacterId speaker, List<ChatTurn> transcript) {
            this(session, speaker, transcript, Optional.empty());
        }
    }

    /** What came of it; {@code llmInteractionId} names the model call's cost record when a model was called. */
    sealed interface Line {
        Optional<String> llmInteractionId();

        record Said(String text, Optional<String> llmInteractionId) implements Line {
        }

        record Silent(String reason, Optional<String> llmInteractionId) implements Line {
        }
    }

    /** No model: every line falls back to the fixed one. */
    CharacterVoice NONE = request -> new Line.Silent("no model is configured", Optional.empty());
}
