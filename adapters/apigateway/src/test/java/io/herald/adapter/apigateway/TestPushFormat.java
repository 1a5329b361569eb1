package io.herald.adapter.apigateway;

import io.herald.application.port.Push;
import io.herald.application.spi.PushFormat;
import jakarta.inject.Singleton;

/**
 * The wire format stands in for the protocol module's, which this module must not depend on: a frame text with
 * characters beyond ASCII, so the bytes sent show the encoding.
 */
@Singleton
final class TestPushFormat implements PushFormat {

    @Override
    public String encode(Push push) {
        return switch (push) {
            case Push.RuntimeDeltas deltas -> "{\"type\":\"runtime_delta\",\"sessionId\":\"" + deltas.session()
                    + "\",\"deltas\":" + deltas.deltas().size() + ",\"note\":\"équipe ✓ 🎯\"}";
            case Push.AiMessage message -> "{\"type\":\"ai_message\"}";
            case Push.PlayerStateUpdate update -> "{\"type\":\"player_state_update\"}";
            case Push.Relayed relayed -> relayed.frame();
            case Push.RoomMessageSaid said -> "{\"type\":\"room_message\",\"offset\":" + said.message().offset() + "}";
            case Push.RoomSubscribed subscribed -> "{\"type\":\"room_subscribed\"}";
            case Push.NotificationSent sent -> "{\"type\":\"notification\"}";
            case Push.VoiceStarted started -> "{\"type\":\"voice_start\"}";
            case Push.ChatReply reply -> "{\"type\":\"chat_message\"}";
            case Push.CharacterLine line -> "{\"type\":\"character_line\"}";
            case Push.VoiceChunk chunk -> "{\"type\":\"voice_data\"}";
            case Push.VoiceEnded ended -> "{\"type\":\"voice_end\"}";
        };
    }
}
