package io.herald.application;

import io.herald.application.port.ConnectionRegistry;
import io.herald.application.port.Push;
import io.herald.application.port.RoomStore;
import io.herald.application.port.RoomSubscriptions;
import io.herald.domain.ConnectionId;
import io.herald.domain.Member;
import io.herald.domain.Refusal;
import io.herald.domain.RoomId;
import io.herald.domain.RoomMessage;
import io.herald.domain.RoomPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A member's connection follows a room live. Given the position it had ({@code since}), it first gets exactly the
 * messages it missed, in order, then {@code room_subscribed} saying whether that replay was complete, then live
 * messages: the subscription is opened before the store is read and holds live pushes until the replay is out, so
 * nothing said in between is lost or sent twice.
 */
public final class SubscribeRoom {
    private final RoomStore rooms;
    private final RoomSubscriptions subscriptions;
    private final ConnectionRegistry connections;
    private final RoomRules rules;

    public SubscribeRoom(RoomStore rooms, RoomSubscriptions subscriptions, ConnectionRegistry connections,
            RoomRules rules) {
        this.rooms = rooms;
        this.subscriptions = subscriptions;
        this.connections = connections;
        this.rules = rules;
    }

    public record Command(ConnectionId connection, RoomId room, Optional<RoomPosition> since) {
        public Command {
            Objects.requireNonNull(connection, "connection");
            Objects.requireNonNull(room, "room");
            Objects.requireNonNull(since, "since");
        }
    }

    public sealed interface Outcome permits Subscribed, Unsubscribed, Refused {
    }

    /** The {@code room_subscribed} push has gone out on the subscription itself, after the replay. */
    public record Subscribed(RoomId room, boolean recovered, int replayed, RoomPosition head) implements Outcome {
    }

    public record Unsubscribed(RoomId room, boolean was) implements Outcome {
    }

    public Outcome subscribe(Command command) {
        Optional<Member> member = new Caller.OnConnection(command.connection()).member(connections);
        if (member.isEmpty()) {
            return new Refused(Refusal.UNKNOWN_CONNECTION);
        }
        if (rooms.membership(command.room(), member.get()).isEmpty()) {
            return new Refused(Refusal.NOT_A_MEMBER);
        }
        RoomSubscriptions.Subscription subscription = subscriptions.open(command.connection(), command.room());
        try {
            return start(command, subscription);
        } catch (RuntimeException e) {
            subscriptions.close(command.connection(), command.room());
            throw e;
        }
    }

    private Outcome start(Command command, RoomSubscriptions.Subscription subscription) {
        RoomStore.Replay replay = command.since().isPresent()
                ? rooms.since(command.room(), command.since().get(), rules.maxReplay())
                : rooms.find(command.room()).<RoomStore.Replay>map(r -> new RoomStore.Replay.Complete(List.of(), r.head()))
                        .orElse(new RoomStore.Replay.NoRoom());
        Subscribed subscribed = switch (replay) {
            case RoomStore.Replay.Complete complete -> new Subscribed(command.room(), command.since().isPresent(),
                    complete.messages().size(), complete.head());
            case RoomStore.Replay.TooFar tooFar -> new Subscribed(command.room(), false, 0, tooFar.head());
            case RoomStore.Replay.NoRoom none -> null;
        };
        if (subscribed == null) {
            subscriptions.close(command.connection(), command.room());
            return new Refused(Refusal.UNKNOWN_ROOM);
        }
        List<Push> first = new ArrayList<>();
        if (replay instanceof RoomStore.Replay.Complete complete) {
            for (RoomMessage message : complete.messages()) {
                first.add(new Push.RoomMessageSaid(message));
            }
        }
        first.add(new Push.RoomSubscribed(subscribed.room(), subscribed.recovered(), subscribed.replayed(),
                subscribed.head()));
        subscription.start(first, subscribed.head().offset());
        return subscribed;
    }

    public Outcome unsubscribe(ConnectionId connection, RoomId room) {
        return new Unsubscribed(room, subscriptions.close(connection, room));
    }
}
