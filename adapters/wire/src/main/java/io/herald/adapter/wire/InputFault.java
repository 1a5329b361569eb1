package io.herald.adapter.wire;

/**
 * What can be wrong with what a client sent, before any use case sees it: the same stable codes whether it came as an
 * HTTP body or a WebSocket frame, as the domain's {@code Refusal} names what a use case turns down.
 */
public enum InputFault {
    INVALID_JSON("invalid_json"),
    UNKNOWN_TYPE("unknown_type"),
    MISSING_FIELD("missing_field"),
    INVALID_FIELD("invalid_field"),
    INVALID_NUMBER("invalid_number"),
    FRAME_TOO_LARGE("frame_too_large"),
    BODY_TOO_LARGE("body_too_large");

    private final String code;

    InputFault(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
