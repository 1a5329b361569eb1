package io.herald.application;

import io.herald.application.limit.RateLimiter;
import io.herald.application.port.Audience;
import io.herald.application.port.Clock;
import io.herald.application.port.ConnectionRegistry;
import io.herald.application.port.Fanout;
import io.herald.application.port.IdGenerator;
import io.herald.application.port.Push;
import io.herald.application.port.RoomStore;
import io.herald.domain.ClientMessageId;
import io.herald.domain.Member;
import io.herald.domain.Refusal;
import io.herald.domain.RoomId;
import io.herald.domain.RoomMessage;
import io.herald.domain.RoomText;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A member says something in a room: the text is cleaned, the sender is whoever the connection or token is, the
 * message is stored as the room's next offset and only then pushed to every subscriber, on every node. A
 * {@code clientMessageId} sent again answers with the first send and pushes nothing.
 */
public final class SendRoomMessage {
    private final RoomStore rooms;
    private final ConnectionRegistry connections;
    private final Fanout fanout;
    private final IdGenerator ids;
    private final Clock clock;
    private final RateLimiter senders;

    public SendRoomMessage(RoomStore rooms, ConnectionRegistry connections, Fanout fanout, IdGenerator ids,
            Clock clock, RoomRules rules) {
        this.rooms = rooms;
        this.connections = connections;
        this.fanout = fanout;
        this.ids = ids;
        this.clock = clock;
        this.senders = new RateLimiter(rules.sendAllowance(), clock, 100_000);
    }

    public record Command(Caller caller, RoomId room, String text, Optional<ClientMessageId> clientMessageId) {
        public Command {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(clientMessageId, "clientMessageId");
        }
    }

    public sealed interface Outcome permits Sent, Limited, Refused {
    }

    /** {@code repeated}: this {@code clientMessageId} was sent before, and {@code message} is what was stored then. */
    public record Sent(RoomMessage message, boolean repeated) implements Outcome {
    }

    public record Limited(Duration retryAfter) implements Outcome {
    }

    public Outcome send(Command command) {
        RoomText.Result text = RoomText.from(command.text());
        if (text.refusal().isPresent()) {
            return new Refused(text.refusal().get());
        }
        Optional<Member> sender = command.caller().member(connections);
        if (sender.isEmpty()) {
            return new Refused(Refusal.UNKNOWN_CONNECTION);
        }
        if (rooms.membership(command.room(), sender.get()).isEmpty()) {
            return new Refused(Refusal.NOT_A_MEMBER);
        }
        String key = command.room().value() + '|' + sender.get().session().value() + '|' + sender.get().player().value();
        if (senders.take(key) instanceof RateLimiter.Limited limited) {
            return new Limited(limited.retryAfter());
        }
        RoomStore.NewRoomMessage message = new RoomStore.NewRoomMessage(command.room(), sender.get(),
                text.text().get(), command.clientMessageId(), ids.newMessageId(), clock.now());
        return switch (rooms.append(message)) {
            case RoomStore.Appended.Stored stored -> {
                fanout.send(Audience.subscribersOf(command.room()), new Push.RoomMessageSaid(stored.message()));
                yield new Sent(stored.message(), false);
            }
            case RoomStore.Appended.Repeated repeated -> new Sent(repeated.original(), true);
            case RoomStore.Appended.NoRoom none -> new Refused(Refusal.UNKNOWN_ROOM);
        };
    }
}
