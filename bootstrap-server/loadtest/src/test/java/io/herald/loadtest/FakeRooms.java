package io.herald.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The rooms of a fake Herald, shared by its nodes: members, messages numbered from 1 in one epoch, live
 * subscribers, replay after a position, history pages newest first. One lock over everything, so a replay and the
 * live messages after it never interleave, as the product guarantees. The room faults strike once: the room
 * creator's copy of offset 2 is lost or pushed twice, or the first replay leaves out its first message.
 */
final class FakeRooms {
    static final long EPOCH = 1_764_000_000_000L;

    private record Message(long offset, String messageId, FakeHeraldState.Player sender, String text) {}

    private record Subscriber(String playerId, Consumer<String> send) {}

    private static final class Room {
        final String creator;
        final Set<String> members = new HashSet<>();
        final List<Message> messages = new ArrayList<>();
        final Map<Object, Subscriber> subscribers = new LinkedHashMap<>();

        Room(String creator) {
            this.creator = creator;
            members.add(creator);
        }
    }

    private final FakeHeraldNode.Fault fault;
    private final AtomicBoolean faultUsed = new AtomicBoolean();
    private final Map<String, Room> rooms = new HashMap<>();

    FakeRooms(FakeHeraldNode.Fault fault) {
        this.fault = fault;
    }

    /** 201, or 409 if the room exists. */
    synchronized int create(String roomId, FakeHeraldState.Player creator) {
        if (rooms.containsKey(roomId)) {
            return 409;
        }
        rooms.put(roomId, new Room(creator.playerId()));
        return 201;
    }

    synchronized int join(String roomId, FakeHeraldState.Player player) {
        Room room = rooms.get(roomId);
        if (room == null) {
            return 404;
        }
        room.members.add(player.playerId());
        return 200;
    }

    /** A page newest first, of the {@code limit} before offset {@code before} (or the newest); null for a stranger. */
    synchronized ObjectNode history(String roomId, FakeHeraldState.Player reader, int limit, Long before) {
        Room room = rooms.get(roomId);
        if (room == null || !room.members.contains(reader.playerId())) {
            return null;
        }
        long below = before == null ? room.messages.size() + 1L : before;
        ObjectNode page = WireFrames.JSON.createObjectNode().put("roomId", roomId).put("order", "newest-first");
        ArrayNode listed = page.putArray("messages");
        long offset = below - 1;
        for (; offset >= 1 && listed.size() < limit; offset--) {
            listed.add(fields(roomId, room.messages.get((int) offset - 1)));
        }
        if (offset >= 1) {
            page.put("nextCursor", String.valueOf(offset + 1));
        }
        return page;
    }

    synchronized void subscribe(FakeHeraldState.Player player, JsonNode frame, Object connection,
            Consumer<String> send) {
        String roomId = frame.path("roomId").asText();
        Room room = rooms.get(roomId);
        if (room == null || !room.members.contains(player.playerId())) {
            send.accept(notAMember(frame));
            return;
        }
        JsonNode since = frame.get("since");
        boolean recovered = since != null && since.path("epoch").asLong() == EPOCH
                && since.path("offset").asLong() <= room.messages.size();
        int replayed = 0;
        if (recovered) {
            long from = since.path("offset").asLong() + 1;
            if (fault == FakeHeraldNode.Fault.REPLAY_ONE_SHORT && from <= room.messages.size()
                    && faultUsed.compareAndSet(false, true)) {
                from++;
            }
            for (long offset = from; offset <= room.messages.size(); offset++) {
                send.accept(push(roomId, room.messages.get((int) offset - 1)));
                replayed++;
            }
        }
        send.accept(WireFrames.write(WireFrames.JSON.createObjectNode().put("type", "room_subscribed")
                .put("roomId", roomId).put("recovered", recovered).put("replayed", replayed)
                .put("offset", room.messages.size()).put("epoch", EPOCH)));
        room.subscribers.put(connection, new Subscriber(player.playerId(), send));
    }

    synchronized void send(FakeHeraldState.Player player, JsonNode frame, Consumer<String> reply) {
        String roomId = frame.path("roomId").asText();
        Room room = rooms.get(roomId);
        if (room == null || !room.members.contains(player.playerId())) {
            reply.accept(notAMember(frame));
            return;
        }
        long offset = room.messages.size() + 1L;
        Message message = new Message(offset, "rm-" + roomId + "-" + offset, player, frame.path("text").asText());
        room.messages.add(message);
        ObjectNode sent = WireFrames.JSON.createObjectNode().put("type", "room_sent").put("roomId", roomId)
                .put("offset", offset).put("epoch", EPOCH).put("messageId", message.messageId())
                .put("repeated", false);
        if (frame.hasNonNull("clientMessageId")) {
            sent.put("clientMessageId", frame.get("clientMessageId").asText());
        }
        reply.accept(WireFrames.write(sent));
        String pushed = push(roomId, message);
        for (Subscriber subscriber : room.subscribers.values()) {
            int copies = 1;
            if (offset == 2 && subscriber.playerId().equals(room.creator)
                    && (fault == FakeHeraldNode.Fault.LOSE_ONE_ROOM_COPY
                            || fault == FakeHeraldNode.Fault.DUPLICATE_ONE_ROOM_COPY)
                    && faultUsed.compareAndSet(false, true)) {
                copies = fault == FakeHeraldNode.Fault.LOSE_ONE_ROOM_COPY ? 0 : 2;
            }
            for (int i = 0; i < copies; i++) {
                subscriber.send().accept(pushed);
            }
        }
    }

    synchronized void unsubscribe(Object connection) {
        rooms.values().forEach(room -> room.subscribers.remove(connection));
    }

    private static String push(String roomId, Message message) {
        return WireFrames.write(WireFrames.JSON.createObjectNode().put("type", "room_message")
                .setAll(fields(roomId, message)));
    }

    private static ObjectNode fields(String roomId, Message message) {
        return WireFrames.JSON.createObjectNode().put("roomId", roomId).put("offset", message.offset())
                .put("epoch", EPOCH).put("messageId", message.messageId())
                .put("senderId", message.sender().playerId()).put("senderSessionId", message.sender().sessionId())
                .put("text", message.text()).put("ts", "2026-12-01T00:00:00Z");
    }

    private static String notAMember(JsonNode frame) {
        ObjectNode error = WireFrames.JSON.createObjectNode().put("type", "error").put("code", "not_a_member")
                .put("message", "not a member of this room");
        if (frame.has("ref")) {
            error.set("ref", frame.get("ref"));
        }
        return WireFrames.write(error);
    }
}
