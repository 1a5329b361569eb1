package io.herald.loadtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** What the server can send over a WebSocket, as values, so scenarios match on type instead of poking at JSON. */
sealed interface Frame {
    /** The server accepted {@code join_session}; only after this does the connection receive session traffic. */
    record Joined(String sessionId, String playerId) implements Frame {}

    /**
     * An AI message pushed to this player (or listed by catch-up); {@code sk} names it for the ack and for
     * reconciliation, {@code messageType} tells a team broadcast ({@code broadcast}) from a player's own line.
     */
    record AiMessage(String sessionId, String messageId, String messageType, String sk) implements Frame {
        static final String BROADCAST = "broadcast";

        boolean isBroadcast() {
            return BROADCAST.equals(messageType);
        }
    }

    /** State changes another player caused; each delta is reconciled on its own. */
    record RuntimeDelta(String sessionId, List<Delta> deltas) implements Frame {
        public RuntimeDelta {
            deltas = List.copyOf(deltas);
        }
    }

    /** One entry of a {@code runtime_delta}: fields the tool needs to tell which event it came from. */
    record Delta(String type, String playerId, String nodeId, String objectId) {}

    /**
     * A message of a room, pushed live or replayed after {@code room_subscribe}: {@code offset} numbers it without a
     * gap within the room's {@code epoch}; this tool writes the clientMessageId of each send as its {@code text}.
     */
    record RoomMessage(String roomId, long offset, long epoch, String messageId, String senderId, String text)
            implements Frame {}

    /**
     * The answer to {@code room_subscribe}, after any replay: {@code replayed} messages were sent before it, and
     * {@code recovered} says they were everything missed since the position asked for; {@code offset} is the head.
     */
    record RoomSubscribed(String roomId, boolean recovered, int replayed, long offset, long epoch) implements Frame {}

    /** The answer to {@code room_send}: where the message was stored, or where it was the first time if repeated. */
    record RoomSent(String roomId, long offset, long epoch, String messageId, boolean repeated,
            String clientMessageId) implements Frame {}

    /** The server's answer to {@code ping}. */
    record Pong() implements Frame {}

    /** Something the server refused; {@code ref} is kept as raw JSON text because its shape is not fixed. */
    record ServerError(String code, String message, String ref) implements Frame {
        /** The ref as the text a client put in it, when it was a JSON string (as this tool's refs are). */
        Optional<String> refText() {
            if (ref == null) {
                return Optional.empty();
            }
            try {
                JsonNode parsed = WireFrames.JSON.readTree(ref);
                return parsed != null && parsed.isTextual() ? Optional.of(parsed.asText()) : Optional.empty();
            } catch (JsonProcessingException e) {
                return Optional.empty();
            }
        }
    }

    /** A well-formed frame of a type this tool has no use for (frames added by later issues, for instance). */
    record Other(String type) implements Frame {}

    /** Text that is not a frame this tool can read; counted as a failure because the server should never send it. */
    record Malformed(String reason, String text) implements Frame {}
}
