package io.herald.domain;

import java.util.Objects;

/**
 * The sort key of one recipient's copy: {@code ai-msg#{playerId}#{eventId}}. It travels in every push so an ack
 * names its item directly, and its player segment is what ack authority checks.
 */
public record InboxKey(PlayerId player, EventId event) {
    public static final String PREFIX = "ai-msg#";

    public InboxKey {
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(event, "event");
    }

    public static InboxKey parse(String value) {
        if (value == null || !value.startsWith(PREFIX)) {
            throw new InvalidIdException("inbox key must start with '" + PREFIX + "'");
        }
        String rest = value.substring(PREFIX.length());
        int separator = rest.indexOf('#');
        if (separator < 0) {
            throw new InvalidIdException("inbox key must be ai-msg#{playerId}#{eventId}");
        }
        return new InboxKey(new PlayerId(rest.substring(0, separator)), new EventId(rest.substring(separator + 1)));
    }

    public boolean belongsTo(PlayerId candidate) {
        return player.equals(candidate);
    }

    public String value() {
        return PREFIX + player.value() + "#" + event.value();
    }

    @Override
    public String toString() {
        return value();
    }
}
