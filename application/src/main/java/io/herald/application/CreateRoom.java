package io.herald.application;

import io.herald.application.port.Clock;
import io.herald.application.port.ConnectionRegistry;
import io.herald.application.port.RoomStore;
import io.herald.domain.Member;
import io.herald.domain.Refusal;
import io.herald.domain.Room;
import io.herald.domain.RoomId;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes a general room; a player who makes one is its first member. Guild rooms are not made here: they come into
 * being with their guild's first member.
 */
public final class CreateRoom {
    private final RoomStore rooms;
    private final ConnectionRegistry connections;
    private final Clock clock;

    public CreateRoom(RoomStore rooms, ConnectionRegistry connections, Clock clock) {
        this.rooms = rooms;
        this.connections = connections;
        this.clock = clock;
    }

    /** {@code creator} absent: the game's backend makes the room with the service key, and nobody is in it yet. */
    public record Command(Optional<Caller> creator, RoomId room, String name) {
        public Command {
            Objects.requireNonNull(creator, "creator");
            Objects.requireNonNull(room, "room");
        }
    }

    public sealed interface Outcome permits Created, Refused {
    }

    public record Created(Room room) implements Outcome {
    }

    public Outcome create(Command command) {
        if (command.room().isGuild()) {
            return new Refused(Refusal.GUILD_ROOM);
        }
        Optional<Member> creator = Optional.empty();
        if (command.creator().isPresent()) {
            creator = command.creator().get().member(connections);
            if (creator.isEmpty()) {
                return new Refused(Refusal.UNKNOWN_CONNECTION);
            }
        }
        long now = clock.now().toEpochMilli();
        Room room = new Room(command.room(), command.name(), 0, now, creator.isPresent() ? 1 : 0, clock.now());
        return switch (rooms.create(room, creator)) {
            case CREATED -> new Created(room);
            case EXISTS -> new Refused(Refusal.ROOM_EXISTS);
        };
    }
}
