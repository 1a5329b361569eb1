package io.herald.application.port;

import io.herald.domain.GameEvent;
import io.herald.domain.MessageType;
import io.herald.domain.SessionPlayer;
import java.util.List;
import java.util.Objects;

/** Writes the text an AI character says about an event; it may fail, and the caller has a fallback. */
public interface MessageComposer {

    Composition compose(Request request);

    /**
     * Whether composing costs nothing but a moment (fixed texts): then a message may be composed before its event is
     * claimed, and claim, cooldown and copies go to the store as one write. A model call is paid for, so by default
     * the event is claimed first and a duplicate never reaches the model.
     */
    default boolean isInstant() {
        return false;
    }

    /** What the composer is told: the event, who will read the line, and whether it goes to one or the team. */
    record Request(GameEvent event, MessageType type, List<SessionPlayer> recipients) {
        public Request {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(type, "type");
            recipients = List.copyOf(recipients);
        }
    }

    sealed interface Composition {
        record Text(String content) implements Composition {
        }

        /** The composer gave up (timeout, refusal, bad output…); the reason is recorded, the fallback is sent. */
        record Failed(String reason) implements Composition {
        }
    }
}
