package io.herald.domain;

import java.util.Arrays;
import java.util.Optional;

/** The runtime state changes a session's devices understand (seed 001), named as clients expect them. */
public enum DeltaType {
    PLAYER_JOINED,
    PLAYER_LEFT,
    OBJECT_AVAILABLE,
    OBJECT_ARRIVED,
    OBJECT_COMPLETED,
    NODE_UNLOCKED,
    NODE_COMPLETED,
    PUZZLE_SUBMITTED,
    ACTION_ATTEMPTED,
    ACTION_SUCCESS,
    ACTION_FAIL,
    CONSENSUS_UPDATED;

    public static Optional<DeltaType> fromName(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }
}
