package io.herald.adapter.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.adapter.wire.DomainJson;
import io.herald.application.port.Push;
import io.herald.application.spi.PushFormat;
import io.herald.domain.ChatTurn;
import io.herald.domain.ConversationLine;
import io.herald.domain.Message;
import io.herald.domain.Notification;
import io.herald.domain.PlayerId;
import io.herald.domain.RoomId;
import io.herald.domain.RoomMessage;
import io.herald.domain.RoomPosition;
import io.herald.domain.SessionId;
import io.herald.domain.VoiceSession;
import java.util.Optional;

/**
 * Server → client frames as JSON text, with the field names of seeds 000/001 so existing clients work unchanged. A
 * value the HTTP API lists too (a copy, a room message, a notification, a chat turn) is rendered by {@link DomainJson},
 * so a frame and a list item cannot differ. {@code asyncapi.yaml} describes every frame; a test holds the two together.
 */
public final class Frames implements PushFormat {
    /** Larger frames are answered with an error; a chat line or an ack is a few hundred bytes. */
    public static final int MAX_INBOUND_BYTES = 32 * 1024;

    private final ObjectMapper json;

    public Frames(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String encode(Push push) {
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

    private ObjectNode aiMessage(Message copy) {
        ObjectNode frame = json.createObjectNode().put("type", "ai_message");
        frame.setAll(DomainJson.message(copy));
        return frame;
    }

    private ObjectNode runtimeDelta(SessionId session, Push.RuntimeDeltas push) {
        ObjectNode frame = json.createObjectNode().put("type", "runtime_delta").put("sessionId", session.value());
        frame.set("deltas", deltas(push));
        return frame;
    }

    private ArrayNode deltas(Push.RuntimeDeltas push) {
        ArrayNode deltas = json.createArrayNode();
        push.deltas().forEach(delta -> deltas.add(DomainJson.delta(delta)));
        return deltas;
    }

    private ObjectNode playerState(Push.PlayerStateUpdate update) {
        ObjectNode frame = json.createObjectNode().put("type", "player_state_update")
                .put("sessionId", update.session().value()).put("playerId", update.player().value());
        DomainJson.putScalars(frame.putObject("state"), update.state().fields());
        return frame;
    }

    private ObjectNode notification(Notification n) {
        ObjectNode frame = json.createObjectNode().put("type", "notification");
        frame.setAll(DomainJson.notification(n));
        return frame;
    }

    private ObjectNode characterLine(ConversationLine line) {
        ObjectNode frame = json.createObjectNode().put("type", "character_line")
                .put("conversationId", line.conversationId()).put("index", line.index())
                .put("sessionId", line.session().value()).put("characterId", line.speaker().value())
                .put("text", line.text().value()).put("createdAt", DomainJson.timestamp(line.at()));
        line.llmInteractionId().ifPresentOrElse(id -> frame.put("llmInteractionId", id),
                () -> frame.putNull("llmInteractionId"));
        return frame;
    }

    private ObjectNode chatMessage(ChatTurn turn) {
        ObjectNode frame = json.createObjectNode().put("type", "chat_message");
        frame.setAll(DomainJson.chatTurn(turn));
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

    private ObjectNode roomMessage(RoomMessage message) {
        ObjectNode frame = json.createObjectNode().put("type", "room_message");
        frame.setAll(DomainJson.roomMessage(message));
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

    String write(JsonNode node) {
        return node.toString();
    }
}
