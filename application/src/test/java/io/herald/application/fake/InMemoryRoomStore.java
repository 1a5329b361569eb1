package io.herald.application.fake;

import io.herald.application.port.PageCursor;
import io.herald.application.port.RoomStore;
import io.herald.domain.Member;
import io.herald.domain.Membership;
import io.herald.domain.Room;
import io.herald.domain.RoomId;
import io.herald.domain.RoomMessage;
import io.herald.domain.RoomPosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Rooms in maps, under one lock: the rules of {@link RoomStore} without a database, for use-case tests. */
public final class InMemoryRoomStore implements RoomStore {
    private final Map<RoomId, Room> rooms = new HashMap<>();
    private final Map<RoomId, TreeMap<String, Member>> members = new HashMap<>();
    private final Map<Member, Map<RoomId, Membership>> memberships = new HashMap<>();
    private final Map<RoomId, List<RoomMessage>> messages = new HashMap<>();
    private final Map<String, RoomMessage> byClientId = new HashMap<>();

    private static final Comparator<Member> ORDER = Comparator.comparing((Member m) -> m.session().value())
            .thenComparing(m -> m.player().value());

    @Override
    public synchronized Created create(Room room, Optional<Member> creator) {
        if (rooms.containsKey(room.id())) {
            return Created.EXISTS;
        }
        rooms.put(room.id(), room);
        members.put(room.id(), new TreeMap<>());
        messages.put(room.id(), new ArrayList<>());
        creator.ifPresent(member -> {
            members.get(room.id()).put(key(member), member);
            memberships.computeIfAbsent(member, m -> new HashMap<>())
                    .put(room.id(), new Membership(room.id(), member, room.head(), room.createdAt()));
        });
        return Created.CREATED;
    }

    @Override
    public synchronized Optional<Room> find(RoomId room) {
        return Optional.ofNullable(rooms.get(room));
    }

    @Override
    public synchronized Joined join(RoomId room, Member member, int maxMembers, Instant at) {
        Room found = rooms.get(room);
        if (found == null) {
            return Joined.NO_ROOM;
        }
        if (members.get(room).containsKey(key(member))) {
            return Joined.ALREADY_MEMBER;
        }
        if (found.members() >= maxMembers) {
            return Joined.FULL;
        }
        add(room, member, at);
        return Joined.JOINED;
    }

    private void add(RoomId id, Member member, Instant at) {
        Room room = rooms.get(id);
        members.get(id).put(key(member), member);
        memberships.computeIfAbsent(member, m -> new HashMap<>()).put(id, new Membership(id, member, room.head(), at));
        rooms.put(id, new Room(id, room.name(), room.lastOffset(), room.epoch(), room.members() + 1, room.createdAt()));
    }

    @Override
    public synchronized boolean leave(RoomId id, Member member) {
        TreeMap<String, Member> in = members.get(id);
        if (in == null || in.remove(key(member)) == null) {
            return false;
        }
        memberships.getOrDefault(member, new HashMap<>()).remove(id);
        Room room = rooms.get(id);
        rooms.put(id, new Room(id, room.name(), room.lastOffset(), room.epoch(), room.members() - 1, room.createdAt()));
        return true;
    }

    @Override
    public synchronized Optional<Membership> membership(RoomId room, Member member) {
        return Optional.ofNullable(memberships.getOrDefault(member, Map.of()).get(room));
    }

    @Override
    public synchronized List<Member> members(RoomId room, Optional<Member> after, int limit) {
        TreeMap<String, Member> in = members.getOrDefault(room, new TreeMap<>());
        return (after.isPresent() ? in.tailMap(key(after.get()), false) : in).values().stream().limit(limit).toList();
    }

    @Override
    public synchronized List<MemberRoom> roomsOf(Member member) {
        return memberships.getOrDefault(member, Map.of()).values().stream()
                .sorted(Comparator.comparing(m -> m.room().value()))
                .map(m -> new MemberRoom(rooms.get(m.room()), m)).toList();
    }

    @Override
    public synchronized Appended append(NewRoomMessage message) {
        Room room = rooms.get(message.room());
        if (room == null) {
            return new Appended.NoRoom();
        }
        Optional<String> clientKey = message.clientMessageId().map(id -> message.room() + "|" + key(message.sender())
                + "|" + id.value());
        if (clientKey.isPresent() && byClientId.containsKey(clientKey.get())) {
            return new Appended.Repeated(byClientId.get(clientKey.get()));
        }
        List<RoomMessage> said = messages.get(message.room());
        long lastTs = said.isEmpty() ? 0 : said.getLast().timestamp().toEpochMilli();
        RoomMessage stored = new RoomMessage(message.room(), room.lastOffset() + 1, room.epoch(), message.id(),
                message.sender(), message.text(), Instant.ofEpochMilli(Math.max(message.at().toEpochMilli(), lastTs + 1)));
        said.add(stored);
        clientKey.ifPresent(k -> byClientId.put(k, stored));
        rooms.put(room.id(), new Room(room.id(), room.name(), stored.offset(), room.epoch(), room.members(),
                room.createdAt()));
        return new Appended.Stored(stored);
    }

    @Override
    public synchronized HistoryPage history(RoomId room, HistoryQuery query) {
        List<RoomMessage> said = messages.getOrDefault(room, List.of());
        if (query.after().isPresent()) {
            long after = offsetOf(query.after().get());
            List<RoomMessage> page = said.stream().filter(m -> m.offset() > after).limit(query.limit() + 1L).toList();
            return page(page, query.limit());
        }
        long before = query.before().map(InMemoryRoomStore::offsetOf).orElse(Long.MAX_VALUE);
        List<RoomMessage> newestFirst = new ArrayList<>(said.stream().filter(m -> m.offset() < before).toList());
        java.util.Collections.reverse(newestFirst);
        return page(newestFirst.stream().limit(query.limit() + 1L).toList(), query.limit());
    }

    private static HistoryPage page(List<RoomMessage> found, int limit) {
        boolean more = found.size() > limit;
        List<RoomMessage> page = more ? found.subList(0, limit) : found;
        return new HistoryPage(page, more ? Optional.of(new PageCursor("o" + page.getLast().offset())) : Optional.empty());
    }

    private static long offsetOf(PageCursor cursor) {
        try {
            if (!cursor.value().startsWith("o")) {
                throw new NumberFormatException(cursor.value());
            }
            return Long.parseLong(cursor.value().substring(1));
        } catch (NumberFormatException e) {
            throw PageCursor.notA("history");
        }
    }

    @Override
    public synchronized Replay since(RoomId id, RoomPosition after, int max) {
        Room room = rooms.get(id);
        if (room == null) {
            return new Replay.NoRoom();
        }
        long missed = room.lastOffset() - after.offset();
        if (after.epoch() != room.epoch() || missed < 0 || missed > max) {
            return new Replay.TooFar(room.head());
        }
        return new Replay.Complete(messages.get(id).stream().filter(m -> m.offset() > after.offset()).toList(),
                room.head());
    }

    @Override
    public synchronized void markRead(RoomId room, Member member, RoomPosition read) {
        Map<RoomId, Membership> mine = memberships.get(member);
        Membership current = mine == null ? null : mine.get(room);
        if (current == null) {
            return;
        }
        boolean forward = current.read().epoch() != read.epoch() || current.read().offset() < read.offset();
        if (forward) {
            mine.put(room, new Membership(room, member, read, current.joinedAt()));
        }
    }

    private static String key(Member member) {
        return member.session().value() + "|" + member.player().value();
    }
}
