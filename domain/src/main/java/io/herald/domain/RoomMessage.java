package io.herald.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One message said in a room, as stored: its {@code offset} counts the room's messages from 1 without a gap, within
 * the room's {@code epoch}, so a member who knows the last offset it saw can ask for exactly what it missed.
 */
public record RoomMessage(RoomId room, long offset, long epoch, MessageId id, Member sender, RoomText text,
        Instant timestamp) {
    public RoomMessage {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(timestamp, "timestamp");
        if (offset < 1) {
            throw new IllegalArgumentException("a room message's offset starts at 1");
        }
    }

    public RoomPosition position() {
        return new RoomPosition(offset, epoch);
    }
}
