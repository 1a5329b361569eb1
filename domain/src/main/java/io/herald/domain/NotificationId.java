package io.herald.domain;

/**
 * Identifies a notification. The server makes them time-ordered ({@code n{13-digit epoch ms}-{random}}), so a
 * player's notifications sorted by id are sorted by age, and one is found from its id alone.
 */
public record NotificationId(String value) {
    public NotificationId {
        Ids.require(value, "notification id");
    }

    @Override
    public String toString() {
        return value;
    }
}
