package io.herald.domain;

/** Identifies an AI character a player can talk with (seed 003's dweller, seed 004's {@code characterId}). */
public record CharacterId(String value) {
    public CharacterId {
        Ids.require(value, "character id");
    }

    @Override
    public String toString() {
        return value;
    }
}
