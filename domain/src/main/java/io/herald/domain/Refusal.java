package io.herald.domain;

/** Every reason Herald refuses a client's request, each with the stable code clients can rely on. */
public enum Refusal {
    UNKNOWN_CONNECTION("unknown_connection", "this connection has not joined a session"),
    SESSION_MISMATCH("session_mismatch", "the session does not match the one this connection joined"),
    PLAYER_MISMATCH("player_mismatch", "the player does not match the one this connection is signed in as"),
    NOT_YOUR_MESSAGE("not_your_message", "the message key does not belong to this connection's player"),
    MESSAGE_NOT_FOUND("message_not_found", "no such message, or it has expired"),
    UNKNOWN_SESSION("unknown_session", "no such session"),
    UNKNOWN_PLAYER("unknown_player", "the player is not part of this session"),
    UNKNOWN_TEAM("unknown_team", "no team has this code"),
    SOLO_TEAM("solo_team", "this is a solo run; it cannot be joined"),
    UNKNOWN_ROOM("unknown_room", "no such room"),
    NOT_A_MEMBER("not_a_member", "this player is not a member of the room"),
    ROOM_EXISTS("room_exists", "a room with this id exists already"),
    ROOM_FULL("room_full", "the room has as many members as it may have"),
    GUILD_ROOM("guild_room", "a guild's room is joined and left through the guild's member list"),
    EMPTY_TEXT("empty_text", "the text is empty once trimmed"),
    TEXT_TOO_LONG("text_too_long", "the text is longer than " + RoomText.MAX_LENGTH + " characters"),
    ROOM_RATE_LIMITED("rate_limited", "too many messages to this room; slow down"),
    NOTIFICATION_NOT_FOUND("notification_not_found", "no such notification for this player, or it has expired"),
    VOICE_NOT_STARTED("voice_not_started", "send voice_start before voice_data or voice_end"),
    VOICE_ACTIVE("voice_active", "this connection is already speaking; send voice_end first"),
    VOICE_CHUNK_TOO_LARGE("voice_chunk_too_large", "a voice chunk is at most 16,384 bytes once decoded"),
    VOICE_TOO_LONG("voice_too_long", "a voice session lasts at most 60 seconds; it was ended");

    private final String code;
    private final String message;

    Refusal(String code, String message) {
        this.code = code;
        this.message = message;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }
}
