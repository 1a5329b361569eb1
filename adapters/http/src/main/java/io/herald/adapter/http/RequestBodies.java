package io.herald.adapter.http;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.util.List;
import java.util.Map;

/**
 * The JSON bodies the controllers take, as the OpenAPI document shows them. The controllers read a body with
 * {@link HttpJson} (strict JSON, a 400 naming the code and the field at fault), not with a binder; these records are
 * the shape that reading accepts, and {@code RequestBodiesTest} holds the two together field by field.
 */
final class RequestBodies {
    private RequestBodies() {
    }

    @Schema(name = "TeamRegistration", description = "Without teamCode a team (or a solo run) is created; with one it is joined")
    record TeamRegistration(
            @Schema(requiredMode = RequiredMode.REQUIRED) String playerName,
            @Schema(description = "joins this team; the other fields but playerName are then ignored") String teamCode,
            @Schema(allowableValues = {"solo", "team"}, description = "required without teamCode") String mode,
            @Schema(allowableValues = {"co-located", "independent"}, defaultValue = "co-located") String travelMode,
            @Schema(deprecated = true, description = "seed 001's name for travelMode, read when travelMode is absent")
            String teamTravelMode) {
    }

    @Schema(name = "GameEvent", description = "A game event; player events need playerId (a player's token: its own)")
    record GameEvent(
            @Schema(requiredMode = RequiredMode.REQUIRED) String sessionId,
            @Schema(requiredMode = RequiredMode.REQUIRED,
                    allowableValues = {"NodeComplete", "ObjectArrive", "PuzzleSubmit", "Milestone", "PeriodicCheck"})
            String eventType,
            String playerId,
            @Schema(description = "NodeComplete") String nodeId,
            @Schema(description = "ObjectArrive, Milestone") String objectId,
            @Schema(description = "PuzzleSubmit") String puzzleId,
            @Schema(description = "PuzzleSubmit", defaultValue = "false") Boolean correct,
            @Schema(description = "PuzzleSubmit", minimum = "1", maximum = "10000", defaultValue = "1") Integer attempt,
            @Schema(description = "the runtime's own deltas, at most 50") List<Delta> deltas) {
    }

    @Schema(name = "Delta", description = "type and scalar fields (numbers a long or double holds); the time is the server's")
    record Delta(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "NODE_COMPLETED") String type,
            @Schema(description = "defaults to the caller's player; only the service key may name another") String playerId) {
    }

    @Schema(name = "RoomCreation")
    record RoomCreation(@Schema(requiredMode = RequiredMode.REQUIRED) String roomId,
            @Schema(description = "defaults to the room id") String name) {
    }

    @Schema(name = "RoomPost")
    record RoomPost(@Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 2000) String text,
            @Schema(description = "the same id again answers with the first message") String clientMessageId) {
    }

    @Schema(name = "ReadPosition")
    record ReadPosition(@Schema(requiredMode = RequiredMode.REQUIRED, minimum = "0") Long offset,
            @Schema(requiredMode = RequiredMode.REQUIRED) Long epoch) {
    }

    @Schema(name = "Notification")
    record NotificationRequest(
            @Schema(requiredMode = RequiredMode.REQUIRED) String sessionId,
            @Schema(requiredMode = RequiredMode.REQUIRED) String playerId,
            @Schema(requiredMode = RequiredMode.REQUIRED) String notificationType,
            @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 200) String title,
            @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 2000) String message,
            @Schema(allowableValues = {"low", "normal", "high", "urgent"}, defaultValue = "normal") String priority,
            @Schema(description = "a JSON object of at most 4096 characters, given back as it was")
            Map<String, Object> metadata,
            String fromCharacter,
            @Schema(maxLength = 128, description = "the same key again answers with the first notification")
            String idempotencyKey) {
    }

    @Schema(name = "Conversation")
    record ConversationRequest(
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "2 to 4 character ids") List<String> characters,
            @Schema(requiredMode = RequiredMode.REQUIRED) String topic,
            @Schema(minimum = "1", maximum = "12", defaultValue = "6") Integer lines) {
    }

    @Schema(name = "ChatLine")
    record ChatLine(@Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 2000) String text) {
    }

    @Schema(name = "ConnectionStatus")
    record StatusChange(@Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"connected", "disconnected"})
            String status) {
    }
}
