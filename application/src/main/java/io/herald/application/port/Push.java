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
}
