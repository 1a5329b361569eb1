package io.herald.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One turn of a player's conversation with a character (seed 003's ChatMessage): the player's words or the
 * character's reply, the latter linked to the model call that wrote it ({@code llmInteractionId}) when one did.
 */
public record ChatTurn(String id, Member player, CharacterId character, Role role, RoomText text, Instant at,
        Optional<String> llmInteractionId) {

    public enum Role {
        PLAYER,
        CHARACTER
    }

    public ChatTurn {
        Ids.require(id, "chat turn id");
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(character, "character");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(llmInteractionId, "llmInteractionId");
    }
}
