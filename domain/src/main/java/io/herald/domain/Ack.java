package io.herald.domain;

/** What a client can acknowledge about a copy it received. */
public enum Ack {
    DELIVERED,
    READ;

    public Delivery applyTo(Delivery current, java.time.Instant at) {
        return switch (this) {
            case DELIVERED -> current.markDelivered(at);
            case READ -> current.markRead(at);
        };
    }
}
