package io.herald.domain;

/** A sender's own name for one message, so that sending it again (a retry) stores and delivers it once. */
public record ClientMessageId(String value) {
    public ClientMessageId {
        Ids.require(value, "client message id");
    }

    @Override
    public String toString() {
        return value;
    }
}
