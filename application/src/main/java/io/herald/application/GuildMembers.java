package io.herald.application;

import io.herald.application.port.Clock;
import io.herald.application.port.RoomStore;
import io.herald.domain.GuildId;
import io.herald.domain.Member;
import io.herald.domain.Refusal;
import io.herald.domain.Room;
import io.herald.domain.RoomId;
import java.util.List;
import java.util.Optional;

/**
 * A guild's member list, kept by the game's backend (service key): its members are exactly the members of the
 * guild's room, which comes into being with the first of them.
 */
public final class GuildMembers {
    private final RoomStore rooms;
    private final RoomRules rules;
    private final Clock clock;

    public GuildMembers(RoomStore rooms, RoomRules rules, Clock clock) {
        this.rooms = rooms;
        this.rules = rules;
        this.clock = clock;
    }

    public sealed interface Outcome permits Added, Removed, Refused {
    }

    public record Added(RoomId room, boolean already) implements Outcome {
    }

    public record Removed(RoomId room) implements Outcome {
    }

    public Outcome add(GuildId guild, Member member) {
        RoomId room = RoomId.of(guild);
        if (rooms.find(room).isEmpty()) {
            long now = clock.now().toEpochMilli();
            String name = guild.value().substring(0, Math.min(guild.value().length(), Room.MAX_NAME_LENGTH));
            rooms.create(new Room(room, name, 0, now, 0, clock.now()), Optional.empty());
        }
        return switch (rooms.join(room, member, rules.maxMembers(), clock.now())) {
            case JOINED -> new Added(room, false);
            case ALREADY_MEMBER -> new Added(room, true);
            case FULL -> new Refused(Refusal.ROOM_FULL);
            case NO_ROOM -> new Refused(Refusal.UNKNOWN_ROOM);
        };
    }

    public Outcome remove(GuildId guild, Member member) {
        RoomId room = RoomId.of(guild);
        return rooms.leave(room, member) ? new Removed(room) : new Refused(Refusal.NOT_A_MEMBER);
    }

    /** A page of the guild's members; {@code after} is the last member of the previous page. */
    public List<Member> list(GuildId guild, Optional<Member> after, int limit) {
        return rooms.members(RoomId.of(guild), after, limit);
    }
}
