package io.herald.application;

import io.herald.application.port.Clock;
import io.herald.application.port.ConnectionRegistry;
import io.herald.application.port.RoomStore;
import io.herald.domain.Member;
import io.herald.domain.Refusal;
import io.herald.domain.RoomId;
import java.util.Optional;

/**
 * A player joins or leaves a general room as itself. General rooms are open to every player who knows their id, up
 * to the room's size limit; a guild's room follows the guild's member list instead.
 */
public final class JoinRoom {
    private final RoomStore rooms;
    private final ConnectionRegistry connections;
    private final RoomRules rules;
    private final Clock clock;

    public JoinRoom(RoomStore rooms, ConnectionRegistry connections, RoomRules rules, Clock clock) {
        this.rooms = rooms;
        this.connections = connections;
        this.rules = rules;
        this.clock = clock;
    }

    public record Command(Caller caller, RoomId room) {
    }

    public sealed interface Outcome permits Joined, Left, Refused {
    }

    /** {@code already}: the player was a member before; joining twice is not an error. */
    public record Joined(RoomId room, boolean already) implements Outcome {
    }

    public record Left(RoomId room) implements Outcome {
    }

    public Outcome join(Command command) {
        if (command.room().isGuild()) {
            return new Refused(Refusal.GUILD_ROOM);
        }
        Optional<Member> member = command.caller().member(connections);
        if (member.isEmpty()) {
            return new Refused(Refusal.UNKNOWN_CONNECTION);
        }
        return switch (rooms.join(command.room(), member.get(), rules.maxMembers(), clock.now())) {
            case JOINED -> new Joined(command.room(), false);
            case ALREADY_MEMBER -> new Joined(command.room(), true);
            case FULL -> new Refused(Refusal.ROOM_FULL);
            case NO_ROOM -> new Refused(Refusal.UNKNOWN_ROOM);
        };
    }

    public Outcome leave(Command command) {
        if (command.room().isGuild()) {
            return new Refused(Refusal.GUILD_ROOM);
        }
        Optional<Member> member = command.caller().member(connections);
        if (member.isEmpty()) {
            return new Refused(Refusal.UNKNOWN_CONNECTION);
        }
        return rooms.leave(command.room(), member.get())
                ? new Left(command.room())
                : new Refused(Refusal.NOT_A_MEMBER);
    }
}
