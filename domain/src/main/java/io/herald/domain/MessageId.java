package io.herald.domain;

/** Identifies one message as composed; every fan-out copy of a broadcast shares it. */
public record MessageId(String value) {
    public MessageId {
        Ids.require(value, "message id");
    }

    @Override
    public String toString() {
        return value;
    }
}
