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

/** Reads server frames into {@link Frame} values and writes the few client frames, in the field names of DESIGN §5. */
final class WireFrames {
    static final ObjectMapper JSON = new ObjectMapper();

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

    private static ObjectNode object(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    private static String field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }
}
