package io.herald.domain;

/** Whether a player still counts for team conditions; the seed's `status = "active"`. */
public enum PlayerStatus {
    ACTIVE,
    LEFT
}
