package io.herald.loadtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads server frames into {@link Frame} values and writes the few client frames, in the field names of the README's protocol table. */
final class WireFrames {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SUBSCRIBE_REF = "subscribe";

    private WireFrames() {}

    static Frame parse(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return new Frame.Malformed("not JSON", text);
        }
        if (node == null || !node.isObject()) {
            return new Frame.Malformed("not a JSON object", text);
        }
        String type = node.path("type").asText("");
        return switch (type) {
            case "joined" -> new Frame.Joined(field(node, "sessionId"), field(node, "playerId"));
            case "ai_message" -> aiMessage(node, text);
            case "runtime_delta" -> runtimeDelta(node, text);
            case "room_message" -> roomMessage(node, text);
            case "room_subscribed" -> roomSubscribed(node, text);
            case "room_sent" -> roomSent(node, text);
            case "pong" -> new Frame.Pong();
            case "error" -> new Frame.ServerError(field(node, "code"), field(node, "message"),
                    node.hasNonNull("ref") ? node.get("ref").toString() : null);
            case "" -> new Frame.Malformed("no type", text);
            default -> new Frame.Other(type);
        };
    }

    /** A page of {@code GET /runtime/messages/undelivered}: each message in the fields of the push it stands for. */
    static CatchUpPage catchUpPage(String body) throws IOException {
        JsonNode root = JSON.readTree(body);
        JsonNode messages = root == null ? null : root.get("messages");
        if (messages == null || !messages.isArray()) {
            throw new IOException("catch-up answer without a messages array: " + Failures.abbreviate(body));
        }
        List<Frame.AiMessage> parsed = new ArrayList<>(messages.size());
        for (JsonNode message : messages) {
            if (!(aiMessage(message, body) instanceof Frame.AiMessage read)) {
                throw new IOException("catch-up message without sk: " + Failures.abbreviate(message.toString()));
            }
            parsed.add(read);
        }
        String next = field(root, "nextCursor");
        return new CatchUpPage(parsed, Optional.ofNullable(next).filter(cursor -> !cursor.isEmpty()));
    }

    /**
     * A page of {@code GET /api/rooms/{roomId}/messages}: each message in the fields of the push it stands for, and
     * the cursor of the next page if there is one.
     */
    static RoomHistoryPage roomHistoryPage(String body) throws IOException {
        JsonNode root = JSON.readTree(body);
        JsonNode messages = root == null ? null : root.get("messages");
        if (messages == null || !messages.isArray()) {
            throw new IOException("room history answer without a messages array: " + Failures.abbreviate(body));
        }
        List<Frame.RoomMessage> parsed = new ArrayList<>(messages.size());
        for (JsonNode message : messages) {
            if (!(roomMessage(message, body) instanceof Frame.RoomMessage read)) {
                throw new IOException("room history message without roomId, offset, epoch or messageId: "
                        + Failures.abbreviate(message.toString()));
            }
            parsed.add(read);
        }
        String next = field(root, "nextCursor");
        return new RoomHistoryPage(parsed, Optional.ofNullable(next).filter(cursor -> !cursor.isEmpty()));
    }

    /**
     * Follows a room; with {@code since}, the server first replays what came after that position. The ref
     * {@value #SUBSCRIBE_REF} tells a refusal of the subscription from one of a send.
     */
    static String roomSubscribe(String roomId, Optional<SeenPosition> since) {
        ObjectNode frame = object("room_subscribe").put("roomId", roomId).put("ref", SUBSCRIBE_REF);
        since.ifPresent(position -> frame.putObject("since").put("offset", position.offset())
                .put("epoch", position.epoch()));
        return write(frame);
    }

    /** Says {@code text} in a room; the clientMessageId doubles as the ref, so a refusal names the send it refuses. */
    static String roomSend(String roomId, String text, String clientMessageId) {
        return write(object("room_send").put("roomId", roomId).put("text", text)
                .put("clientMessageId", clientMessageId).put("ref", clientMessageId));
    }

    static String joinSession(String sessionId, String playerId) {
        return write(object("join_session").put("sessionId", sessionId).put("playerId", playerId));
    }

    static String delivered(String sessionId, String sk, Instant at) {
        return write(object("ai_message_delivered").put("sessionId", sessionId).put("sk", sk)
                .put("timestamp", at.toString()));
    }

    static String ping() {
        return write(object("ping"));
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree built in memory always serialises", e);
        }
    }

    private static Frame aiMessage(JsonNode node, String text) {
        String sk = field(node, "sk");
        if (sk == null) {
            return new Frame.Malformed("ai_message without sk", text);
        }
        return new Frame.AiMessage(field(node, "sessionId"), field(node, "messageId"), field(node, "messageType"), sk);
    }

    private static Frame runtimeDelta(JsonNode node, String text) {
        JsonNode deltas = node.get("deltas");
        if (deltas == null || !deltas.isArray()) {
            return new Frame.Malformed("runtime_delta without a deltas array", text);
        }
        List<Frame.Delta> parsed = new ArrayList<>(deltas.size());
        for (JsonNode delta : deltas) {
            parsed.add(new Frame.Delta(field(delta, "type"), field(delta, "playerId"), field(delta, "nodeId"),
                    field(delta, "objectId")));
        }
        return new Frame.RuntimeDelta(field(node, "sessionId"), parsed);
    }

    private static Frame roomMessage(JsonNode node, String text) {
        String roomId = field(node, "roomId");
        String messageId = field(node, "messageId");
        if (roomId == null || messageId == null || !isWhole(node, "offset") || !isWhole(node, "epoch")) {
            return new Frame.Malformed("room_message without roomId, messageId or a whole offset and epoch", text);
        }
        return new Frame.RoomMessage(roomId, node.get("offset").asLong(), node.get("epoch").asLong(), messageId,
                field(node, "senderId"), field(node, "text"));
    }

    private static Frame roomSubscribed(JsonNode node, String text) {
        JsonNode recovered = node.get("recovered");
        if (field(node, "roomId") == null || recovered == null || !recovered.isBoolean() || !isWhole(node, "replayed")
                || !isWhole(node, "offset") || !isWhole(node, "epoch")) {
            return new Frame.Malformed("room_subscribed without roomId, recovered, replayed, offset or epoch", text);
        }
        return new Frame.RoomSubscribed(field(node, "roomId"), recovered.asBoolean(), node.get("replayed").asInt(),
                node.get("offset").asLong(), node.get("epoch").asLong());
    }

    private static Frame roomSent(JsonNode node, String text) {
        if (field(node, "roomId") == null || field(node, "messageId") == null || !isWhole(node, "offset")
                || !isWhole(node, "epoch")) {
            return new Frame.Malformed("room_sent without roomId, messageId or a whole offset and epoch", text);
        }
        return new Frame.RoomSent(field(node, "roomId"), node.get("offset").asLong(), node.get("epoch").asLong(),
                field(node, "messageId"), node.path("repeated").asBoolean(false), field(node, "clientMessageId"));
    }

    private static boolean isWhole(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isIntegralNumber() && value.canConvertToLong();
    }

    private static ObjectNode object(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    private static String field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }
}
