package io.herald.application.port;

import io.herald.domain.CooldownWindow;
import io.herald.domain.PlayerId;
import java.util.List;
import java.util.Objects;

/** What sending a message does to its recipients' quiet period, so the store can apply it in the same write. */
public sealed interface CooldownEffect {

    /** The cooldown is switched off. */
    record None() implements CooldownEffect {
    }

    /** An individual message opens the player's window, unless another event's window still runs. */
    record Open(PlayerId player, CooldownWindow window) implements CooldownEffect {
        public Open {
            Objects.requireNonNull(player, "player");
            Objects.requireNonNull(window, "window");
        }
    }

    /** A broadcast is never held back, but every recipient rests after it. */
    record Restart(List<PlayerId> players, CooldownWindow window) implements CooldownEffect {
        public Restart {
            players = List.copyOf(players);
            Objects.requireNonNull(window, "window");
        }
    }
}
