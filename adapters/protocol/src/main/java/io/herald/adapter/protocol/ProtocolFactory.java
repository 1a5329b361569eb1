package io.herald.adapter.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.application.AcknowledgeMessage;
import io.herald.application.ChatWithCharacter;
import io.herald.application.ConnectionActivity;
import io.herald.application.JoinSession;
import io.herald.application.PlayerNotifications;
import io.herald.application.RelayPlayerState;
import io.herald.application.RelayVoice;
import io.herald.application.RoomHistory;
import io.herald.application.SendRoomMessage;
import io.herald.application.port.Metrics;
import io.herald.application.SubscribeRoom;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** One protocol for both shapes: the Netty endpoint and the Lambda {@code $default} route get the same beans. */
@Factory
public class ProtocolFactory {

    /** Its own mapper, so the wire format never shifts with the HTTP layer's JSON settings. */
    @Singleton
    @Named("protocol")
    ObjectMapper protocolJson() {
        return new ObjectMapper();
    }

    @Singleton
    Frames frames(@Named("protocol") ObjectMapper json) {
        return new Frames(json);
    }

    @Singleton
    ProtocolDispatcher dispatcher(@Named("protocol") ObjectMapper json, Frames frames, JoinSession join,
            AcknowledgeMessage acknowledge, RelayPlayerState relay, SubscribeRoom subscribe, SendRoomMessage send,
            RoomHistory history, PlayerNotifications notifications, ConnectionActivity activity, RelayVoice voice,
            ChatWithCharacter chat, Metrics metrics) {
        return new ProtocolDispatcher(new FrameDecoder(json), frames, join, acknowledge, relay,
                new ProtocolDispatcher.Rooms(subscribe, send, history), notifications, activity, voice, chat, metrics);
    }
}
