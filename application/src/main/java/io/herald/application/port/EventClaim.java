package io.herald.application.port;

import io.herald.domain.EventId;
import io.herald.domain.OutgoingMessage;
import io.herald.domain.SessionId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to "may I process this event?": the event, not each copy, is the unit of idempotency, because a
 * batch write cannot carry conditions and a blind re-write would reset read copies or swap their text.
 */
public sealed interface EventClaim {

    /**
     * This processor holds the event until {@code leaseUntil}. When a previous processor died after settling on a
     * message, {@code pending} carries it so the same text and message id are finished, not composed anew.
     */
    record Granted(SessionId session, EventId event, Holder holder, Instant leaseUntil, Optional<OutgoingMessage> pending)
            implements EventClaim {
        public Granted {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(holder, "holder");
            Objects.requireNonNull(leaseUntil, "leaseUntil");
            Objects.requireNonNull(pending, "pending");
        }

        public boolean resumed() {
            return pending.isPresent();
        }
    }

    /** Whose claim it is: a token the store hands out, so only that processor may finish or give up the event. */
    record Holder(String value) {
        public Holder {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("a claim holder is a non-blank token");
            }
        }

        @Override
        public String toString() {
            return value;
        }
    }

    /** The event was processed to the end before: a duplicate writes nothing and pushes nothing. */
    record AlreadyDone(EventId event) implements EventClaim {
    }

    /** Another live processor holds the event; it will finish it, or its lease will lapse and a retry will. */
    record HeldElsewhere(EventId event, Instant leaseUntil) implements EventClaim {
    }
}
