package io.herald.domain;

import java.util.Arrays;
import java.util.Optional;

/** The game events Herald reacts to, under the names runtimes already send. */
public enum EventType {
    NODE_COMPLETE("NodeComplete"),
    OBJECT_ARRIVE("ObjectArrive"),
    PUZZLE_SUBMIT("PuzzleSubmit"),
    MILESTONE("Milestone"),
    PERIODIC_CHECK("PeriodicCheck");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
