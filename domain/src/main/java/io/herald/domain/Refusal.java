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
    SOLO_TEAM("solo_team", "this is a solo run; it cannot be joined");

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
