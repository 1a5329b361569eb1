package io.herald.domain;

/**
 * Where a member's view of a room stands: the last offset it has, in the epoch it has it for. Offset 0 means
 * nothing yet. A position from another epoch says nothing about the room as it is now.
 */
public record RoomPosition(long offset, long epoch) {
    public RoomPosition {
        if (offset < 0) {
            throw new IllegalArgumentException("an offset is never negative");
        }
    }
}
