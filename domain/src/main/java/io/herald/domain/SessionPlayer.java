package io.herald.domain;

import java.util.Objects;

/** A player registered in a session, with the display name other players see. */
public record SessionPlayer(PlayerId id, String name, PlayerStatus status) {
    public static final int MAX_NAME_LENGTH = 64;

    public SessionPlayer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH
                || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("player name must be 1 to " + MAX_NAME_LENGTH
                    + " characters without control characters");
        }
    }

    public boolean isActive() {
        return status == PlayerStatus.ACTIVE;
    }
}
