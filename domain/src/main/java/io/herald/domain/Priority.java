package io.herald.domain;

import java.util.Locale;
import java.util.Optional;

/** How much a notification matters; high and urgent ones are also handed back by catch-up until read. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    URGENT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Priority> fromWire(String name) {
        for (Priority priority : values()) {
            if (priority.wireName().equals(name)) {
                return Optional.of(priority);
            }
        }
        return Optional.empty();
    }

    /** Whether a player coming back should be handed it even before opening the list. */
    public boolean isPressing() {
        return this == HIGH || this == URGENT;
    }
}
