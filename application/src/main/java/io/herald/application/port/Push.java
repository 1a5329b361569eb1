package io.herald.application.port;

import io.herald.domain.ChatTurn;
import io.herald.domain.ConversationLine;
import io.herald.domain.Message;
import io.herald.domain.Notification;
import io.herald.domain.PlayerId;
import io.herald.domain.PlayerState;
import io.herald.domain.RoomId;
import io.herald.domain.RoomMessage;
import io.herald.domain.RoomPosition;
import io.herald.domain.RuntimeDelta;
import io.herald.domain.SessionId;
import io.herald.domain.VoiceSession;
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

    /** A character's reply in a player's chat with it, for every device of that player. */
    record ChatReply(ChatTurn turn) implements Push {
    }

    /** A line of a conversation between characters, overheard by every device of the session. */
    record CharacterLine(ConversationLine line) implements Push {
    }

    /** A player began speaking (push-to-talk); its chunks follow under the same voice id. */
    record VoiceStarted(VoiceSession voice) implements Push {
    }

    /** One chunk of a player's voice, as the speaker sent it (base64 on the wire), numbered by the speaker. */
    record VoiceChunk(VoiceSession voice, long seq, String base64) implements Push {
    }

    record VoiceEnded(VoiceSession voice) implements Push {
    }

    /** A notification for one player, pushed to its devices once stored. */
    record NotificationSent(Notification notification) implements Push {
    }

    /** A message said in a room; its offset orders it among the room's others on every subscriber. */
    record RoomMessageSaid(RoomMessage message) implements Push {
    }

    /**
     * The answer to a room subscription, sent after whatever it replayed: whether the replay was complete
     * ({@code recovered}), how many messages it carried, and where the room stands.
     */
    record RoomSubscribed(RoomId room, boolean recovered, int replayed, RoomPosition head) implements Push {
    }

    /**
     * A push another node already put into wire form and relayed here: it goes to this node's devices exactly as it
     * was encoded, so every node sends the same bytes and none has to understand what it carries.
     */
    record Relayed(String frame, long offset) implements Push {
        public Relayed {
            if (frame == null || frame.isEmpty()) {
                throw new IllegalArgumentException("a relayed push carries a frame");
            }
            if (offset < 0) {
                throw new IllegalArgumentException("a relayed push's offset is 0 (none) or a room offset");
            }
        }

        /** A frame that is not a room message: it needs no place in any order. */
        public Relayed(String frame) {
            this(frame, 0);
        }
    }

    /** The room offset that orders this push among a room's messages; 0 for a push that has none. */
    static long offsetOf(Push push) {
        return switch (push) {
            case RoomMessageSaid said -> said.message().offset();
            case Relayed relayed -> relayed.offset();
            default -> 0;
        };
    }
}
