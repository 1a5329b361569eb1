package io.herald.application;

import io.herald.application.port.ConnectionRegistry;
import io.herald.application.port.RoomStore;
import io.herald.domain.Member;
import io.herald.domain.Refusal;
import io.herald.domain.RoomId;
import io.herald.domain.RoomPosition;
import java.util.List;
import java.util.Optional;

/**
 * What a member reads of its rooms: a room's history a page at a time, its rooms with unread counts, and its read
 * cursor moved forward. Only members read a room; a guild's history is its members' alone.
 */
public final class RoomHistory {
    private final RoomStore rooms;
    private final ConnectionRegistry connections;

    public RoomHistory(RoomStore rooms, ConnectionRegistry connections) {
        this.rooms = rooms;
        this.connections = connections;
    }

    public sealed interface Outcome permits Page, Marked, Refused {
    }

    public record Page(RoomStore.HistoryPage page) implements Outcome {
    }

    public record Marked(RoomPosition read) implements Outcome {
    }

    public Outcome page(Caller caller, RoomId room, RoomStore.HistoryQuery query) {
        Optional<Refusal> refusal = mayRead(caller, room);
        if (refusal.isPresent()) {
            return new Refused(refusal.get());
        }
        return new Page(rooms.history(room, query));
    }

    /** Moves the read cursor to {@code read}, never past the room's last message nor back. */
    public Outcome markRead(Caller caller, RoomId room, RoomPosition read) {
        Optional<Member> member = caller.member(connections);
        if (member.isEmpty()) {
            return new Refused(Refusal.UNKNOWN_CONNECTION);
        }
        if (rooms.membership(room, member.get()).isEmpty()) {
            return new Refused(Refusal.NOT_A_MEMBER);
        }
        RoomPosition head = rooms.find(room).map(r -> r.head()).orElse(read);
        RoomPosition bounded = read.epoch() == head.epoch()
                ? new RoomPosition(Math.min(read.offset(), head.offset()), head.epoch())
                : head;
        rooms.markRead(room, member.get(), bounded);
        return new Marked(bounded);
    }

    public List<RoomStore.MemberRoom> roomsOf(Caller caller) {
        return caller.member(connections).map(rooms::roomsOf).orElse(List.of());
    }

    private Optional<Refusal> mayRead(Caller caller, RoomId room) {
        Optional<Member> member = caller.member(connections);
        if (member.isEmpty()) {
            return Optional.of(Refusal.UNKNOWN_CONNECTION);
        }
        return rooms.membership(room, member.get()).isPresent() ? Optional.empty() : Optional.of(Refusal.NOT_A_MEMBER);
    }
}
