package io.herald.loadtest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the nodes of a fake Herald share — its Redis and its store in one: teams, players, stored copies and acks,
 * arrivals, claimed events, and every node, so that a push for a player reaches its sockets on whichever node.
 * The rules are the product's: one individual message per event to its actor, and the arrival that completes a
 * team's arrivals earns one broadcast to every player instead, all copies sharing one messageId.
 */
final class FakeHeraldState {
    record Player(String teamCode, String sessionId, String playerId, String name, String token) {}

    /** One stored copy; {@code seq} orders catch-up and is its cursor. */
    private record Stored(long seq, String playerId, String sk, ObjectNode message) {}

    private final FakeHeraldNode.Fault fault;
    private final int pageSize;
    private final List<FakeHeraldNode> nodes = new CopyOnWriteArrayList<>();
    private final Map<String, String> sessionOfTeam = new ConcurrentHashMap<>();
    private final Map<String, List<Player>> playersOfSession = new ConcurrentHashMap<>();
    private final Map<String, Player> playerByToken = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> arrivals = new ConcurrentHashMap<>();
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();
    private final List<Stored> store = new ArrayList<>();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicBoolean faultUsed = new AtomicBoolean();
    private final FakeRooms rooms;

    /** {@code pageSize}: how many messages one catch-up page holds (the product's is 100). */
    FakeHeraldState(FakeHeraldNode.Fault fault, int pageSize) {
        this.fault = fault;
        this.pageSize = pageSize;
        this.rooms = new FakeRooms(fault);
    }

    FakeRooms rooms() {
        return rooms;
    }

    void add(FakeHeraldNode node) {
        nodes.add(node);
    }

    /** The websocketUrl registration answers with: the first node's, as a load balancer's address would be. */
    String advertisedSocketUrl() {
        return nodes.getFirst().socketUrl();
    }

    /** A null {@code teamCode} creates a team; an unknown one gives null. */
    Player register(String name, String teamCode) {
        String code = teamCode;
        if (code == null) {
            code = "T" + String.format("%05d", ids.incrementAndGet());
            sessionOfTeam.put(code, "session-" + code);
        } else if (!sessionOfTeam.containsKey(code)) {
            return null;
        }
        int id = ids.incrementAndGet();
        Player player = new Player(code, sessionOfTeam.get(code), "player-" + id, name, "token+" + id + "/=");
        playerByToken.put(player.token(), player);
        playersOfSession.computeIfAbsent(player.sessionId(), session -> new CopyOnWriteArrayList<>()).add(player);
        return player;
    }

    Player byToken(String token) {
        return token == null ? null : playerByToken.get(token);
    }

    /**
     * Records the event, pushes its delta to every other player of the session on every node, and returns the
     * answer; the AI part is left to {@code accepting}, which may do it later, never, or die first.
     */
    ObjectNode event(FakeHeraldNode accepting, Player player, String eventType, String ref) {
        String refField = eventType.equals("ObjectArrive") ? "objectId" : "nodeId";
        String eventId = eventType + "-" + sha16(player.sessionId() + "|" + eventType + "|" + player.playerId()
                + "|" + ref);
        if (eventType.equals("ObjectArrive")) {
            arrivals.computeIfAbsent(player.sessionId() + "|" + ref, key -> ConcurrentHashMap.newKeySet())
                    .add(player.playerId());
        }
        ObjectNode delta = WireFrames.JSON.createObjectNode()
                .put("type", eventType.equals("ObjectArrive") ? "OBJECT_ARRIVED" : "NODE_COMPLETED")
                .put("playerId", player.playerId()).put(refField, ref).put("timestamp", Instant.now().toString());
        ObjectNode push = WireFrames.JSON.createObjectNode().put("type", "runtime_delta")
                .put("sessionId", player.sessionId());
        push.putArray("deltas").add(delta);
        String pushed = WireFrames.write(push);
        for (FakeHeraldNode node : nodes) {
            node.pushToSession(player.sessionId(), player.playerId(), pushed);
        }
        boolean pushes = accepting.pushesWhatItStores();
        accepting.orchestrate(() -> orchestrate(player, eventType, ref, eventId, pushes));
        ObjectNode answer = WireFrames.JSON.createObjectNode().put("success", true).put("eventId", eventId);
        ArrayNode deltas = answer.putArray("deltas");
        deltas.add(delta);
        return answer;
    }

    /** A page of what {@code player} is still owed after {@code cursor}, oldest first. */
    synchronized ObjectNode undelivered(Player player, long cursor) {
        List<Stored> owed = store.stream().filter(copy -> copy.playerId().equals(player.playerId())
                && copy.seq() > cursor && !acknowledged.contains(copy.sk())).toList();
        ObjectNode answer = WireFrames.JSON.createObjectNode().put("success", true);
        ArrayNode messages = answer.putArray("messages");
        owed.stream().limit(pageSize).forEach(copy -> messages.add(copy.message()));
        if (owed.size() > pageSize) {
            answer.put("nextCursor", String.valueOf(owed.get(pageSize - 1).seq()));
        }
        return answer;
    }

    void acknowledge(String sk) {
        acknowledged.add(sk);
    }

    Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    synchronized int stored() {
        return store.size();
    }

    private void orchestrate(Player actor, String eventType, String ref, String eventId, boolean push) {
        if (!claimed.add(eventId)) {
            return;
        }
        if (eventType.equals("ObjectArrive")) {
            List<Player> team = playersOfSession.get(actor.sessionId());
            Set<String> arrived = arrivals.get(actor.sessionId() + "|" + ref);
            if (team.size() >= 2 && arrived.containsAll(team.stream().map(Player::playerId).toList())) {
                String milestone = "Milestone-" + sha16(actor.sessionId() + "|Milestone|" + ref);
                if (claimed.add(milestone)) {
                    for (Player each : team) {
                        storeAndPush(each, milestone, "m-" + milestone, "broadcast", 1, push);
                    }
                }
                return;
            }
        }
        int copies = 1;
        boolean aiFault = fault == FakeHeraldNode.Fault.LOSE_ONE_AI_MESSAGE
                || fault == FakeHeraldNode.Fault.DUPLICATE_ONE_AI_MESSAGE;
        if (aiFault && faultUsed.compareAndSet(false, true)) {
            copies = fault == FakeHeraldNode.Fault.LOSE_ONE_AI_MESSAGE ? 0 : 2;
        }
        storeAndPush(actor, eventId, "m-" + eventId, "individual", copies, push);
    }

    /** Stores before pushing, as the product does; {@code copies} 0 loses the message for good. */
    private void storeAndPush(Player recipient, String eventId, String messageId, String messageType, int copies,
            boolean push) {
        if (copies == 0) {
            return;
        }
        String sk = "ai-msg#" + recipient.playerId() + "#" + eventId;
        ObjectNode message = WireFrames.JSON.createObjectNode().put("messageId", messageId)
                .put("messageType", messageType).put("content", "Nice work").put("timestamp", Instant.now().toString())
                .put("sk", sk).put("sessionId", recipient.sessionId());
        synchronized (this) {
            store.add(new Stored(sequence.incrementAndGet(), recipient.playerId(), sk, message));
        }
        String pushed = WireFrames.write(message.deepCopy().put("type", "ai_message"));
        for (int i = 0; i < copies && push; i++) {
            for (FakeHeraldNode node : nodes) {
                node.pushAiMessage(recipient.sessionId(), recipient.playerId(), pushed);
            }
        }
    }

    private static String sha16(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
