package io.herald.adapter.protocol;

import io.herald.adapter.wire.InputFault;
import io.herald.application.AcknowledgeMessage;
import io.herald.application.Caller;
import io.herald.application.ChatWithCharacter;
import io.herald.application.ConnectionActivity;
import io.herald.application.JoinSession;
import io.herald.application.PlayerNotifications;
import io.herald.application.Refused;
import io.herald.application.RelayPlayerState;
import io.herald.application.RelayVoice;
import io.herald.application.RoomHistory;
import io.herald.application.SendRoomMessage;
import io.herald.application.SubscribeRoom;
import io.herald.application.port.Metrics;
import io.herald.domain.ConnectionId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol for one inbound frame, whichever server carried it: decode, hand to its use case, and answer with
 * the frames for this same connection. A bad frame gets an error frame and changes nothing; the connection stays.
 */
public final class ProtocolDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(ProtocolDispatcher.class);

    private final FrameDecoder decoder;
    private final Metrics metrics;
    private final Frames frames;
    private final JoinSession join;
    private final AcknowledgeMessage acknowledge;
    private final RelayPlayerState relay;
    private final Rooms rooms;
    private final PlayerNotifications notifications;
    private final ConnectionActivity activity;
    private final RelayVoice voice;
    private final ChatWithCharacter chat;

    /** The use cases behind the room frames. */
    public record Rooms(SubscribeRoom subscribe, SendRoomMessage send, RoomHistory history) {
    }

    public ProtocolDispatcher(FrameDecoder decoder, Frames frames, JoinSession join, AcknowledgeMessage acknowledge,
            RelayPlayerState relay, Rooms rooms, PlayerNotifications notifications, ConnectionActivity activity,
            RelayVoice voice, ChatWithCharacter chat, Metrics metrics) {
        this.metrics = metrics;
        this.decoder = decoder;
        this.frames = frames;
        this.join = join;
        this.acknowledge = acknowledge;
        this.relay = relay;
        this.rooms = rooms;
        this.notifications = notifications;
        this.activity = activity;
        this.voice = voice;
        this.chat = chat;
    }

    public List<String> handle(ConnectionId connection, String text) {
        noteActivity(connection);
        return switch (decode(connection, text)) {
            case FrameDecoder.Invalid invalid -> {
                metrics.frameIn("invalid");
                yield List.of(error(invalid.error().code(), invalid.detail(), invalid.ref()));
            }
            case FrameDecoder.Valid valid -> {
                metrics.frameIn(valid.type());
                yield dispatch(connection, valid.frame(), valid.ref());
            }
        };
    }

    /** Any frame, even a bad one, is a sign of life; its record is bookkeeping and never fails the frame. */
    private void noteActivity(ConnectionId connection) {
        try {
            activity.seen(connection);
        } catch (RuntimeException e) {
            LOG.debug("noting activity of {} failed", connection, e);
        }
    }

    /** The decoder is pure and answers every text; should it ever throw, the client still gets a frame, not a dead socket. */
    private FrameDecoder.Decoded decode(ConnectionId connection, String text) {
        try {
            return decoder.decode(text);
        } catch (RuntimeException e) {
            String correlationId = UUID.randomUUID().toString();
            LOG.error("decoding a frame from {} failed (correlationId {})", connection, correlationId, e);
            return new FrameDecoder.Invalid(InputFault.INVALID_JSON,
                    "the frame could not be read (correlationId " + correlationId + ")", Optional.empty());
        }
    }

    private List<String> dispatch(ConnectionId connection, Inbound frame, Optional<String> ref) {
        try {
            return switch (frame) {
                case Inbound.Join j -> switch (join.join(new JoinSession.Command(connection, j.session(), j.player()))) {
                    case JoinSession.Joined joined -> List.of(frames.joined(joined.connection().session(),
                            joined.connection().player()));
                    case Refused refused -> refusal(refused, ref);
                };
                case Inbound.Acknowledge a -> switch (acknowledge.acknowledge(
                        new AcknowledgeMessage.Command(connection, a.session(), a.key(), a.ack()))) {
                    case AcknowledgeMessage.Recorded recorded -> List.of();
                    case AcknowledgeMessage.AlreadyRecorded again -> List.of();
                    case Refused refused -> refusal(refused, ref);
                };
                case Inbound.StateUpdate s -> switch (relay.relay(new RelayPlayerState.Command(connection, s.state()))) {
                    case RelayPlayerState.Relayed relayed -> List.of();
                    case RelayPlayerState.Dropped dropped -> List.of();
                    case Refused refused -> refusal(refused, ref);
                };
                case Inbound.Ping ping -> List.of(frames.pong());
                case Inbound.SubscribeRoom sub -> switch (rooms.subscribe().subscribe(
                        new SubscribeRoom.Command(connection, sub.room(), sub.since()))) {
                    case SubscribeRoom.Subscribed subscribed -> List.of();
                    case SubscribeRoom.Unsubscribed unsubscribed -> List.of();
                    case Refused refused -> refusal(refused, ref);
                };
                case Inbound.UnsubscribeRoom unsub -> {
                    rooms.subscribe().unsubscribe(connection, unsub.room());
                    yield List.of(frames.roomUnsubscribed(unsub.room()));
                }
                case Inbound.SendToRoom say -> switch (rooms.send().send(new SendRoomMessage.Command(
                        new Caller.OnConnection(connection), say.room(), say.text(), say.clientMessageId()))) {
                    case SendRoomMessage.Sent sent -> List.of(frames.roomSent(sent.message(), sent.repeated(),
                            say.clientMessageId().map(Object::toString)));
                    case SendRoomMessage.Limited limited -> List.of(rateLimited(
                            "too many messages to this room; slow down", limited.retryAfter(), ref));
                    case Refused refused -> refusal(refused, ref);
                };
                case Inbound.MarkNotification mark -> switch (mark.dismiss()
                        ? notifications.dismiss(new Caller.OnConnection(connection), mark.notification())
                        : notifications.markRead(new Caller.OnConnection(connection), mark.notification())) {
                    case PlayerNotifications.Updated updated -> List.of(frames.notificationUpdated(
                            updated.id().value(), updated.changed()));
                    case Refused refused -> refusal(refused, ref);
                    default -> throw new IllegalStateException("a mark was asked for");
                };
                case Inbound.ReadAllNotifications all -> switch (notifications.markAllRead(
                        new Caller.OnConnection(connection))) {
                    case PlayerNotifications.AllRead read -> List.of(frames.notificationsRead(read.marked()));
                    case Refused refused -> refusal(refused, ref);
                    default -> throw new IllegalStateException("marking all read was asked for");
                };
                case Inbound.TextToCharacter say -> switch (chat.say(new ChatWithCharacter.Command(
                        new Caller.OnConnection(connection), say.character(), say.text()))) {
                    case ChatWithCharacter.Replied replied -> List.of();
                    case ChatWithCharacter.Limited limited -> List.of(rateLimited(
                            "too many messages to characters; slow down", limited.retryAfter(), ref));
                    case Refused refused -> refusal(refused, ref);
                };
                case Inbound.StartVoice start -> voiceAnswer(voice.start(connection, start.format(), start.sampleRate()), ref);
                case Inbound.VoiceData data -> voiceAnswer(voice.chunk(connection, data.seq(), data.base64()), ref);
                case Inbound.EndVoice end -> voiceAnswer(voice.end(connection), ref);
                case Inbound.MarkRoomRead read -> switch (rooms.history().markRead(
                        new Caller.OnConnection(connection), read.room(), read.read())) {
                    case RoomHistory.Marked marked -> List.of();
                    case RoomHistory.Page page -> List.of();
                    case Refused refused -> refusal(refused, ref);
                };
            };
        } catch (RuntimeException e) {
            LOG.warn("frame from {} failed", connection, e);
            return List.of(error("unavailable", "the frame could not be handled now; send it again", ref));
        }
    }

    private List<String> voiceAnswer(RelayVoice.Outcome outcome, Optional<String> ref) {
        return switch (outcome) {
            case RelayVoice.Started started -> List.of(frames.voiceStarted(started.voice()));
            case RelayVoice.Relayed relayed -> List.of();
            case RelayVoice.Ended ended -> List.of(frames.voiceEnded(ended.voice()));
            case RelayVoice.Limited limited -> List.of(rateLimited("too many voice chunks; slow down",
                    limited.retryAfter(), ref));
            case Refused refused -> refusal(refused, ref);
        };
    }

    private List<String> refusal(Refused refused, Optional<String> ref) {
        return List.of(error(refused.refusal().code(), refused.refusal().message(), ref));
    }

    /** Every refusal on a socket goes out through here, so each is counted by its stable code. */
    private String error(String code, String message, Optional<String> ref) {
        metrics.refused("websocket", code);
        return frames.error(code, message, ref);
    }

    private String rateLimited(String message, Duration retryAfter, Optional<String> ref) {
        metrics.refused("websocket", "rate_limited");
        return frames.rateLimited(message, retryAfterMillis(retryAfter), ref);
    }

    /** Rounded up: a wait of a fraction of a millisecond is still a wait, and 0 would tell the client to go on. */
    static long retryAfterMillis(Duration wait) {
        return Math.max(1, (wait.toNanos() + 999_999) / 1_000_000);
    }
}
