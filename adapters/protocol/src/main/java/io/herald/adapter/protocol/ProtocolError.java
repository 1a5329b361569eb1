package io.herald.adapter.protocol;

/** What can be wrong with a frame itself, before any use case sees it; each with its stable code. */
public enum ProtocolError {
    INVALID_JSON("invalid_json", "the frame is not a JSON object"),
    UNKNOWN_TYPE("unknown_type", "the frame's type is not one Herald understands"),
    MISSING_FIELD("missing_field", "a required field is missing"),
    INVALID_FIELD("invalid_field", "a field has an invalid value"),
    INVALID_NUMBER("invalid_number", "a number is outside the range of a 64-bit integer or of a double"),
    FRAME_TOO_LARGE("frame_too_large", "the frame is larger than " + Frames.MAX_INBOUND_BYTES + " bytes");

    private final String code;
    private final String message;

    ProtocolError(String code, String message) {
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
