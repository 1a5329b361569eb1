package io.herald.application.port;

import io.herald.domain.Message;
import io.herald.domain.PlayerId;
import io.herald.domain.PlayerState;
import io.herald.domain.RuntimeDelta;
import io.herald.domain.SessionId;
import java.util.List;

/** What the core asks to push; the wire protocol decides how each looks as a frame. */
public sealed interface Push {

    /** One recipient's copy, carrying its inbox key so the ack is a direct update. */
    record AiMessage(Message message) implements Push {
    }

    record RuntimeDeltas(SessionId session, List<RuntimeDelta> deltas) implements Push {
        public RuntimeDeltas {
            deltas = List.copyOf(deltas);
        }
    }

    /** Another player's live position, for teams that travel independently. */
    record PlayerStateUpdate(SessionId session, PlayerId player, PlayerState state) implements Push {
    }

    /**
     * A push another node already put into wire form and relayed here: it goes to this node's devices exactly as it
     * was encoded, so every node sends the same bytes and none has to understand what it carries.
     */
    record Relayed(String frame) implements Push {
        public Relayed {
            if (frame == null || frame.isEmpty()) {
                throw new IllegalArgumentException("a relayed push carries a frame");
            }
        }
    }
}
