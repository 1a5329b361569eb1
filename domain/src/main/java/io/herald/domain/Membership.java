package io.herald.domain;

import java.time.Instant;
import java.util.Objects;

/** A member's place in a room: since when, and how far it has read (its read cursor). */
public record Membership(RoomId room, Member member, RoomPosition read, Instant joinedAt) {
    public Membership {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(joinedAt, "joinedAt");
    }
}
