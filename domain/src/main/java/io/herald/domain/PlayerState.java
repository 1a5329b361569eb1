package io.herald.domain;

import java.util.Map;

/** A player's live position or status as a device reports it; relayed as is, never stored. */
public record PlayerState(Map<String, Object> fields) {
    public PlayerState {
        fields = Scalars.require(fields, "a player state");
    }
}
