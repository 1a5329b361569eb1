package io.herald.domain;

/** Identifies a chat room (general or guild) for the room features that ride on the same store. */
public record RoomId(String value) {
    public RoomId {
        Ids.require(value, "room id");
    }

    @Override
    public String toString() {
        return value;
    }
}
