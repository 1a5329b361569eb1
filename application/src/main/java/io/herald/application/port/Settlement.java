package io.herald.application.port;

import io.herald.domain.CooldownWindow;
import io.herald.domain.EventId;
import io.herald.domain.OutgoingMessage;
import java.util.Objects;

/** The answer to "store this message for this event, in one step, unless the event or the player says no". */
public sealed interface Settlement {

    /** Every copy is stored and the event is done. */
    record Stored(OutgoingMessage message) implements Settlement {
        public Stored {
            Objects.requireNonNull(message, "message");
        }
    }

    /** The event was finished before; nothing was written. */
    record AlreadyDone(EventId event) implements Settlement {
    }

    /** Another event's window still runs for the player; the event is done without a message. */
    record CoolingDown(CooldownWindow blocking) implements Settlement {
    }

    /**
     * Not for one step: another processor holds the event or left it half-done, or the message has more copies than
     * one atomic write takes. Nothing was written; the caller goes the long way (claim, then finish what was left).
     */
    record NotInOneStep(EventId event) implements Settlement {
    }
}
