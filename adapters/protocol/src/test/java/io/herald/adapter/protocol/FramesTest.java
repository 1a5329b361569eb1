package io.herald.adapter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.application.port.Push;
import io.herald.domain.DeltaType;
import io.herald.domain.EventId;
import io.herald.domain.EventType;
import io.herald.domain.MessageId;
import io.herald.domain.MessageType;
import io.herald.domain.OutgoingMessage;
import io.herald.domain.PlayerId;
import io.herald.domain.RuntimeDelta;
import io.herald.domain.Sender;
import io.herald.domain.SessionId;
import io.herald.domain.Trigger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FramesTest {
    private final ObjectMapper json = new ObjectMapper();
    private final Frames frames = new Frames(json);
    private final Instant at = Instant.parse("2026-01-09T10:30:00Z");

    @Test
    void an_ai_message_has_exactly_the_seed_fields() throws Exception {
        OutgoingMessage message = new OutgoingMessage(new MessageId("msg-uuid"), MessageType.INDIVIDUAL,
                new SessionId("session-123"), List.of(new PlayerId("player-456")), Sender.AI,
                "Great job completing that challenge!", new Trigger(new EventId("NodeComplete-7f8a9b2c"),
                        EventType.NODE_COMPLETE), at);

        JsonNode frame = json.readTree(frames.encode(new Push.AiMessage(message.fanOut().getFirst())));

        assertThat(frame).isEqualTo(json.readTree("""
                {"type":"ai_message","messageId":"msg-uuid","messageType":"individual",
                 "content":"Great job completing that challenge!","timestamp":"2026-01-09T10:30:00.000Z",
                 "sk":"ai-msg#player-456#NodeComplete-7f8a9b2c","sessionId":"session-123"}"""));
    }

    @Test
    void a_runtime_delta_has_the_seed_fields() throws Exception {
        RuntimeDelta delta = new RuntimeDelta(DeltaType.NODE_COMPLETED,
                Map.of("playerId", "player-xyz", "nodeId", "tl_object1__audio_intro"), at);

        JsonNode frame = json.readTree(frames.encode(new Push.RuntimeDeltas(new SessionId("session-abc123"), List.of(delta))));

        assertThat(frame).isEqualTo(json.readTree("""
                {"type":"runtime_delta","sessionId":"session-abc123","deltas":[
                 {"type":"NODE_COMPLETED","playerId":"player-xyz","nodeId":"tl_object1__audio_intro",
                  "timestamp":"2026-01-09T10:30:00.000Z"}]}"""));
    }

    @Test
    void an_error_names_its_code_message_and_ref() throws Exception {
        assertThat(json.readTree(frames.error("not_your_message", "nope", java.util.Optional.empty())))
                .isEqualTo(json.readTree("{\"type\":\"error\",\"code\":\"not_your_message\",\"message\":\"nope\",\"ref\":null}"));
    }
}
