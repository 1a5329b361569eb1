package io.herald.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Where one recipient's copy is: created, delivered, or read. Read implies delivered, and acknowledging a state
 * already reached returns the same state, so repeated or reordered acks never move a copy backwards.
 */
public sealed interface Delivery {
    Delivery markDelivered(Instant at);

    Delivery markRead(Instant at);

    default boolean isDelivered() {
        return !(this instanceof Created);
    }

    /** Stored, not yet acknowledged by any device: catch-up still owes it. */
    record Created() implements Delivery {
        @Override
        public Delivery markDelivered(Instant at) {
            return new Delivered(at);
        }

        @Override
        public Delivery markRead(Instant at) {
            return new Read(at, at);
        }
    }

    record Delivered(Instant deliveredAt) implements Delivery {
        public Delivered {
            Objects.requireNonNull(deliveredAt, "deliveredAt");
        }

        @Override
        public Delivery markDelivered(Instant at) {
            return this;
        }

        @Override
        public Delivery markRead(Instant at) {
            return new Read(deliveredAt, at);
        }
    }

    record Read(Instant deliveredAt, Instant readAt) implements Delivery {
        public Read {
            Objects.requireNonNull(deliveredAt, "deliveredAt");
            Objects.requireNonNull(readAt, "readAt");
        }

        @Override
        public Delivery markDelivered(Instant at) {
            return this;
        }

        @Override
        public Delivery markRead(Instant at) {
            return this;
        }
    }
}
