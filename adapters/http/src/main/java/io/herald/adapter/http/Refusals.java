package io.herald.adapter.http;

import io.herald.domain.Refusal;
import io.micronaut.http.HttpStatus;

/** The HTTP status each domain refusal is answered with. */
final class Refusals {
    private Refusals() {
    }

    static ApiException toException(Refusal refusal) {
        HttpStatus status = switch (refusal) {
            case UNKNOWN_SESSION, UNKNOWN_PLAYER, UNKNOWN_TEAM, MESSAGE_NOT_FOUND, UNKNOWN_ROOM,
                    NOTIFICATION_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case SESSION_MISMATCH, PLAYER_MISMATCH, NOT_YOUR_MESSAGE, UNKNOWN_CONNECTION, NOT_A_MEMBER, GUILD_ROOM ->
                    HttpStatus.FORBIDDEN;
            case SOLO_TEAM, ROOM_EXISTS, ROOM_FULL, VOICE_ACTIVE, VOICE_NOT_STARTED, VOICE_TOO_LONG -> HttpStatus.CONFLICT;
            case VOICE_CHUNK_TOO_LARGE -> HttpStatus.REQUEST_ENTITY_TOO_LARGE;
            case EMPTY_TEXT, TEXT_TOO_LONG -> HttpStatus.BAD_REQUEST;
            case ROOM_RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
        };
        return switch (refusal) {
            case EMPTY_TEXT, TEXT_TOO_LONG -> ApiException.aboutField(status, "text", refusal.code(), refusal.message());
            default -> new ApiException(status, refusal.code(), refusal.message());
        };
    }
}
