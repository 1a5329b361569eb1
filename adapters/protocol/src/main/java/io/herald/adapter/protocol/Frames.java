package io.herald.adapter.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.application.port.Push;
import io.herald.application.port.PushFormat;
import io.herald.domain.ChatTurn;
import io.herald.domain.ConversationLine;
import io.herald.domain.Message;
import io.herald.domain.Notification;
import io.herald.domain.PlayerId;
import io.herald.domain.RoomId;
import io.herald.domain.RoomMessage;
import io.herald.domain.RoomPosition;
import io.herald.domain.RuntimeDelta;
import io.herald.domain.SessionId;
import io.herald.domain.VoiceSession;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * Server → client frames as JSON text, with the field names of seeds 000/001 so existing clients work unchanged.
 * Timestamps are ISO-8601 UTC with milliseconds ({@code 2026-01-09T10:30:00.000Z}), as the seeds show them.
 */
public final class Frames implements PushFormat {
    /** Larger frames are answered with an error; a chat line or an ack is a few hundred bytes. */
    public static final int MAX_INBOUND_BYTES = 32 * 1024;
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final ObjectMapper json;

    public Frames(ObjectMapper json) {
        this.json = json;
    }

    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    @Override
    public String encode(Push push) {
        return push(push);
    }

    public String push(Push push) {
        return switch (push) {
            case Push.AiMessage ai -> write(aiMessage(ai.message()));
            case Push.RuntimeDeltas deltas -> write(runtimeDelta(deltas.session(), deltas));
            case Push.PlayerStateUpdate update -> write(playerState(update));
            case Push.Relayed relayed -> relayed.frame();
            case Push.RoomMessageSaid said -> write(roomMessage(said.message()));
            case Push.NotificationSent sent -> write(notification(sent.notification()));
            case Push.ChatReply reply -> write(chatMessage(reply.turn()));
            case Push.CharacterLine said -> write(characterLine(said.line()));
            case Push.VoiceStarted started -> write(voice("voice_start", started.voice())
                    .put("format", started.voice().format()).put("sampleRate", started.voice().sampleRate()));
            case Push.VoiceChunk chunk -> write(voice("voice_data", chunk.voice()).put("seq", chunk.seq())
                    .put("data", chunk.base64()));
            case Push.VoiceEnded ended -> write(voice("voice_end", ended.voice()).put("chunks", ended.voice().chunks()));
            case Push.RoomSubscribed subscribed -> write(position(json.createObjectNode()
                    .put("type", "room_subscribed").put("roomId", subscribed.room().value())
                    .put("recovered", subscribed.recovered()).put("replayed", subscribed.replayed()),
                    subscribed.head()));
        };
    }

    /** The seed's {@code ai_message} frame, also the shape of each catch-up item (without {@code type}). */
    public ObjectNode messageFields(Message copy) {
        ObjectNode frame = json.createObjectNode();
        frame.put("messageId", copy.messageId().value());
        frame.put("messageType", copy.type().wireName());
        frame.put("content", copy.content());
        frame.put("timestamp", timestamp(copy.createdAt()));
        frame.put("sk", copy.inboxKey().value());
        frame.put("sessionId", copy.session().value());
        return frame;
    }

    private ObjectNode aiMessage(Message copy) {
        ObjectNode frame = json.createObjectNode().put("type", "ai_message");
        frame.setAll(messageFields(copy));
        return frame;
    }

    private ObjectNode runtimeDelta(SessionId session, Push.RuntimeDeltas push) {
        ObjectNode frame = json.createObjectNode().put("type", "runtime_delta").put("sessionId", session.value());
        frame.set("deltas", deltas(push));
        return frame;
    }

    public ArrayNode deltas(Push.RuntimeDeltas push) {
        ArrayNode deltas = json.createArrayNode();
        for (RuntimeDelta delta : push.deltas()) {
            ObjectNode node = deltas.addObject().put("type", delta.type().name());
            putScalars(node, delta.fields());
            node.put("timestamp", timestamp(delta.timestamp()));
        }
        return deltas;
    }

    private ObjectNode playerState(Push.PlayerStateUpdate update) {
        ObjectNode frame = json.createObjectNode().put("type", "player_state_update")
                .put("sessionId", update.session().value()).put("playerId", update.player().value());
        putScalars(frame.putObject("state"), update.state().fields());
        return frame;
    }

    /** A notification as it is pushed live; the same fields as the HTTP list (plus {@code type}). */
    private ObjectNode notification(Notification n) {
        ObjectNode frame = json.createObjectNode().put("type", "notification")
                .put("notificationId", n.id().value())
                .put("notificationType", n.type())
                .put("title", n.title())
                .put("message", n.message())
                .put("priority", n.priority().wireName());
        frame.set("metadata", metadata(n.metadata()));
        n.fromCharacter().ifPresentOrElse(c -> frame.put("fromCharacter", c), () -> frame.putNull("fromCharacter"));
        frame.put("createdAt", timestamp(n.createdAt()));
        return frame;
    }

    /** Metadata was checked to be a JSON object when it came in; should it not parse now, it goes as text. */
    private JsonNode metadata(String metadata) {
        try {
            return json.readTree(metadata);
        } catch (Exception e) {
            return json.getNodeFactory().textNode(metadata);
        }
    }

    /** One turn of a chat with a character, as pushed and as listed (without {@code type}). */
    public ObjectNode chatTurnFields(ChatTurn turn) {
        ObjectNode fields = json.createObjectNode().put("turnId", turn.id())
                .put("characterId", turn.character().value())
                .put("role", turn.role() == ChatTurn.Role.PLAYER ? "player" : "character")
                .put("text", turn.text().value())
                .put("createdAt", timestamp(turn.at()));
        turn.llmInteractionId().ifPresentOrElse(id -> fields.put("llmInteractionId", id),
                () -> fields.putNull("llmInteractionId"));
        return fields;
    }

    private ObjectNode characterLine(ConversationLine line) {
        ObjectNode frame = json.createObjectNode().put("type", "character_line")
                .put("conversationId", line.conversationId()).put("index", line.index())
                .put("sessionId", line.session().value()).put("characterId", line.speaker().value())
                .put("text", line.text().value()).put("createdAt", timestamp(line.at()));
        line.llmInteractionId().ifPresentOrElse(id -> frame.put("llmInteractionId", id),
                () -> frame.putNull("llmInteractionId"));
        return frame;
    }

    private ObjectNode chatMessage(ChatTurn turn) {
        ObjectNode frame = json.createObjectNode().put("type", "chat_message");
        frame.setAll(chatTurnFields(turn));
        return frame;
    }

    /** A voice frame as the other devices of the session get it: who speaks, under which voice id. */
    private ObjectNode voice(String type, VoiceSession voice) {
        return json.createObjectNode().put("type", type).put("sessionId", voice.speaker().session().value())
                .put("playerId", voice.speaker().player().value()).put("voiceId", voice.id());
    }

    /** The speaker's own answers: its voice id when it starts, what was relayed when it ends. */
    public String voiceStarted(VoiceSession voice) {
        return write(json.createObjectNode().put("type", "voice_started").put("voiceId", voice.id()));
    }

    public String voiceEnded(VoiceSession voice) {
        return write(json.createObjectNode().put("type", "voice_ended").put("voiceId", voice.id())
                .put("chunks", voice.chunks()).put("bytes", voice.bytes()));
    }

    public String notificationUpdated(String notificationId, boolean changed) {
        return write(json.createObjectNode().put("type", "notification_updated").put("notificationId", notificationId)
                .put("changed", changed));
    }

    public String notificationsRead(int marked) {
        return write(json.createObjectNode().put("type", "notifications_read").put("marked", marked));
    }

    /** A room message as it is pushed live, replayed, and listed in history (without {@code type}). */
    public ObjectNode roomMessageFields(RoomMessage message) {
        ObjectNode fields = json.createObjectNode()
                .put("roomId", message.room().value())
                .put("offset", message.offset())
                .put("epoch", message.epoch())
                .put("messageId", message.id().value())
                .put("senderId", message.sender().player().value())
                .put("senderSessionId", message.sender().session().value())
                .put("text", message.text().value())
                .put("ts", timestamp(message.timestamp()));
        return fields;
    }

    private ObjectNode roomMessage(RoomMessage message) {
        ObjectNode frame = json.createObjectNode().put("type", "room_message");
        frame.setAll(roomMessageFields(message));
        return frame;
    }

    private static ObjectNode position(ObjectNode frame, RoomPosition position) {
        return frame.put("offset", position.offset()).put("epoch", position.epoch());
    }

    /** The answer to {@code room_send}: where the message was stored, or where it was the first time. */
    public String roomSent(RoomMessage message, boolean repeated, Optional<String> clientMessageId) {
        ObjectNode frame = json.createObjectNode().put("type", "room_sent").put("roomId", message.room().value())
                .put("messageId", message.id().value()).put("repeated", repeated);
        clientMessageId.ifPresent(id -> frame.put("clientMessageId", id));
        return write(position(frame, message.position()));
    }

    public String roomUnsubscribed(RoomId room) {
        return write(json.createObjectNode().put("type", "room_unsubscribed").put("roomId", room.value()));
    }

    public String rateLimited(String message, long retryAfterMillis, Optional<String> ref) {
        ObjectNode frame = json.createObjectNode().put("type", "error").put("code", "rate_limited")
                .put("message", message).put("retryAfterMs", retryAfterMillis);
        ref.ifPresentOrElse(r -> frame.put("ref", r), () -> frame.putNull("ref"));
        return write(frame);
    }

    public String joined(SessionId session, PlayerId player) {
        return write(json.createObjectNode().put("type", "joined").put("sessionId", session.value())
                .put("playerId", player.value()));
    }

    public String pong() {
        return write(json.createObjectNode().put("type", "pong"));
    }

    public String error(String code, String message, Optional<String> ref) {
        ObjectNode frame = json.createObjectNode().put("type", "error").put("code", code).put("message", message);
        ref.ifPresentOrElse(r -> frame.put("ref", r), () -> frame.putNull("ref"));
        return write(frame);
    }

    private static void putScalars(ObjectNode node, Map<String, Object> fields) {
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

    String write(JsonNode node) {
        return node.toString();
    }
}
