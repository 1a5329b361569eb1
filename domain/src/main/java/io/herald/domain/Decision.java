package io.herald.domain;

import java.util.List;
import java.util.Objects;

/** What the AI character should do about an event: speak to one player, speak to the team, or stay quiet. */
public sealed interface Decision {

    record Individual(GameEvent event, PlayerId recipient) implements Decision {
        public Individual {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(recipient, "recipient");
        }
    }

    record Broadcast(Milestone milestone, List<PlayerId> recipients) implements Decision {
        public Broadcast {
            Objects.requireNonNull(milestone, "milestone");
            recipients = List.copyOf(recipients);
        }
    }

    record Silence(String reason) implements Decision {
    }
}
