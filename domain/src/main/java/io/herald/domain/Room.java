package io.herald.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A room as its head item knows it: how many messages it holds ({@code lastOffset}), the epoch those offsets count
 * in, and how many members it has. The epoch is fixed when the room is made; a room made again gets a new one.
 */
public record Room(RoomId id, String name, long lastOffset, long epoch, int members, Instant createdAt) {
    public static final int MAX_NAME_LENGTH = 64;

    public Room {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!isValidName(name)) {
            throw new IllegalArgumentException("a room name is 1 to " + MAX_NAME_LENGTH
                    + " characters without control characters");
        }
        if (lastOffset < 0 || members < 0) {
            throw new IllegalArgumentException("a room's counts are never negative");
        }
    }

    public static boolean isValidName(String name) {
        return name != null && !name.isBlank() && name.length() <= MAX_NAME_LENGTH
                && name.chars().noneMatch(Character::isISOControl);
    }

    public RoomPosition head() {
        return new RoomPosition(lastOffset, epoch);
    }

    /** Messages after {@code read}, in this room's epoch; a cursor from another epoch counts everything. */
    public long unreadAfter(RoomPosition read) {
        return read.epoch() == epoch ? Math.max(0, lastOffset - read.offset()) : lastOffset;
    }
}
