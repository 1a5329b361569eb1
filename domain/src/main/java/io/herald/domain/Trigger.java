package io.herald.domain;

import java.util.Objects;

/** The event a message answers: kept with every copy so a reader can tell why it was sent. */
public record Trigger(EventId eventId, EventType eventType) {
    public Trigger {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
    }

    public static Trigger of(GameEvent event) {
        return new Trigger(event.id(), event.type());
    }
}
