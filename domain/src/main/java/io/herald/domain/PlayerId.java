package io.herald.domain;

/** Identifies a player within a session; part of every inbox key, so it may not contain a separator. */
public record PlayerId(String value) {
    public PlayerId {
        Ids.require(value, "player id");
    }

    @Override
    public String toString() {
        return value;
    }
}
