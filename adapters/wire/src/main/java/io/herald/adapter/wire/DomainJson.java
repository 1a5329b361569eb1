package io.herald.adapter.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.domain.ChatTurn;
import io.herald.domain.Message;
import io.herald.domain.Notification;
import io.herald.domain.RoomMessage;
import io.herald.domain.RuntimeDelta;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The domain's values as clients see them, one rendering each: a copy pushed as {@code ai_message} and listed by
 * catch-up, a room message pushed and listed in history, a notification, a chat turn, a delta. Field names are the
 * seeds'; timestamps are ISO-8601 UTC with milliseconds ({@code 2026-01-09T10:30:00.000Z}).
 */
public final class DomainJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper METADATA = new ObjectMapper();
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private DomainJson() {
    }

    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** The fields of the {@code ai_message} frame (without {@code type}), also each catch-up item. */
    public static ObjectNode message(Message copy) {
        return object().put("messageId", copy.messageId().value())
                .put("messageType", copy.type().wireName())
                .put("content", copy.content())
                .put("timestamp", timestamp(copy.createdAt()))
                .put("sk", copy.inboxKey().value())
                .put("sessionId", copy.session().value());
    }

    /** The fields of the {@code notification} frame (without {@code type}); lists add where it was read. */
    public static ObjectNode notification(Notification n) {
        ObjectNode item = object().put("notificationId", n.id().value())
                .put("notificationType", n.type())
                .put("title", n.title())
                .put("message", n.message())
                .put("priority", n.priority().wireName());
        item.set("metadata", metadata(n.metadata()));
        n.fromCharacter().ifPresentOrElse(c -> item.put("fromCharacter", c), () -> item.putNull("fromCharacter"));
        return item.put("createdAt", timestamp(n.createdAt()));
    }

    /** Metadata was checked to be a JSON object when it came in; should it not parse now, it goes as text. */
    private static JsonNode metadata(String metadata) {
        try {
            return METADATA.readTree(metadata);
        } catch (Exception e) {
            return NODES.textNode(metadata);
        }
    }

    /** The fields of the {@code room_message} frame (without {@code type}), also each history item. */
    public static ObjectNode roomMessage(RoomMessage message) {
        return object().put("roomId", message.room().value())
                .put("offset", message.offset())
                .put("epoch", message.epoch())
                .put("messageId", message.id().value())
                .put("senderId", message.sender().player().value())
                .put("senderSessionId", message.sender().session().value())
                .put("text", message.text().value())
                .put("ts", timestamp(message.timestamp()));
    }

    /** One turn of a chat with a character, as pushed ({@code chat_message}, without {@code type}) and as listed. */
    public static ObjectNode chatTurn(ChatTurn turn) {
        ObjectNode fields = object().put("turnId", turn.id())
                .put("characterId", turn.character().value())
                .put("role", turn.role() == ChatTurn.Role.PLAYER ? "player" : "character")
                .put("text", turn.text().value())
                .put("createdAt", timestamp(turn.at()));
        turn.llmInteractionId().ifPresentOrElse(id -> fields.put("llmInteractionId", id),
                () -> fields.putNull("llmInteractionId"));
        return fields;
    }

    /** A delta as a {@code runtime_delta} frame carries it and as the events endpoint answers with it. */
    public static ObjectNode delta(RuntimeDelta delta) {
        ObjectNode node = object().put("type", delta.type().name());
        putScalars(node, delta.fields());
        return node.put("timestamp", timestamp(delta.timestamp()));
    }

    /** Scalars a client sent (text, booleans, longs and doubles) back as they came. */
    public static void putScalars(ObjectNode node, Map<String, Object> fields) {
        fields.forEach((name, value) -> {
            switch (value) {
                case Boolean b -> node.put(name, b);
                case Integer i -> node.put(name, i);
                case Long l -> node.put(name, l);
                case Number n -> node.put(name, n.doubleValue());
                default -> node.put(name, value.toString());
            }
        });
    }
}
