package io.herald.domain;

/** Who a message speaks as: the AI, a named character, or the system. */
public record Sender(String value) {
    public static final Sender AI = new Sender("ai");
    public static final Sender SYSTEM = new Sender("system");

    public Sender {
        Ids.require(value, "sender");
    }
}
