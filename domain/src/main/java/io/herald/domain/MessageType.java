package io.herald.domain;

/** Whether a message was written for one player or for the whole team. */
public enum MessageType {
    INDIVIDUAL("individual"),
    BROADCAST("broadcast");

    private final String wireName;

    MessageType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static MessageType fromWireName(String name) {
        for (MessageType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown message type: " + name);
    }
}
