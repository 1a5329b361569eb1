package io.herald.adapter.http;

import io.herald.domain.Refusal;
import io.micronaut.http.HttpStatus;

/** The HTTP status each domain refusal is answered with. */
final class Refusals {
    private Refusals() {
    }

    static ApiException toException(Refusal refusal) {
        HttpStatus status = switch (refusal) {
            case UNKNOWN_SESSION, UNKNOWN_PLAYER, UNKNOWN_TEAM, MESSAGE_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case SESSION_MISMATCH, PLAYER_MISMATCH, NOT_YOUR_MESSAGE, UNKNOWN_CONNECTION -> HttpStatus.FORBIDDEN;
            case SOLO_TEAM -> HttpStatus.CONFLICT;
        };
        return new ApiException(status, refusal.code(), refusal.message());
    }
}
