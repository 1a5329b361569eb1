package io.herald.adapter.protocol;

import io.herald.domain.Ack;
import io.herald.domain.CharacterId;
import io.herald.domain.ClientMessageId;
import io.herald.domain.InboxKey;
import io.herald.domain.NotificationId;
import io.herald.domain.PlayerId;
import io.herald.domain.PlayerState;
import io.herald.domain.RoomId;
import io.herald.domain.RoomPosition;
import io.herald.domain.SessionId;
import java.util.Optional;

/** A frame a client sent, decoded and validated; {@code ref} echoes back in any error about it. */
public sealed interface Inbound {

    /** {@code join_session}, or seed 001's {@code join} which names a player name instead of an id. */
    record Join(SessionId session, Optional<PlayerId> player) implements Inbound {
    }

    /** {@code ai_message_delivered} / {@code ai_message_read}; the client's timestamp is informational only. */
    record Acknowledge(SessionId session, InboxKey key, Ack ack) implements Inbound {
    }

    record StateUpdate(PlayerState state) implements Inbound {
    }

    record Ping() implements Inbound {
    }

    /** {@code room_subscribe}: live messages of a room, after exactly those missed since {@code since}. */
    record SubscribeRoom(RoomId room, Optional<RoomPosition> since) implements Inbound {
    }

    record UnsubscribeRoom(RoomId room) implements Inbound {
    }

    /** {@code room_send}: the sender is the connection's player; a {@code senderId} in the frame is ignored. */
    record SendToRoom(RoomId room, String text, Optional<ClientMessageId> clientMessageId) implements Inbound {
    }

    /** {@code room_read}: the member has read the room up to this position. */
    record MarkRoomRead(RoomId room, RoomPosition read) implements Inbound {
    }

    /** {@code notification_read} / {@code notification_dismiss}: one of the connection's player's own notifications. */
    record MarkNotification(NotificationId notification, boolean dismiss) implements Inbound {
    }

    /** {@code notifications_read_all}. */
    record ReadAllNotifications() implements Inbound {
    }

    /** {@code voice_start {format?, sampleRate?}}: push-to-talk begins on this connection. */
    record StartVoice(String format, int sampleRate) implements Inbound {
    }

    /** {@code voice_data {seq, data}}: {@code data} is base64, checked here, relayed as it came. */
    record VoiceData(long seq, String base64) implements Inbound {
    }

    record EndVoice() implements Inbound {
    }

    /** {@code text_message {characterId, text}} (seed 004): the player says something to a character. */
    record TextToCharacter(CharacterId character, String text) implements Inbound {
    }
}
