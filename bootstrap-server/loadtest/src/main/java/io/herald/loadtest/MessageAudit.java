package io.herald.loadtest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The ai_message books of a run in which players lose their node and come back: each copy is owed once to its
 * player, live or by catch-up. One that never came is lost, unless its event was posted to the node that died:
 * a client cannot tell "accepted but never orchestrated" from a loss except by where it sent the
 * event.
 * Thread-safe; frames may arrive before their expectation is booked.
 */
final class MessageAudit {
    private static final String PREFIX = "ai-msg#";
    private static final String NO_BROADCAST_SEEN = "no-broadcast-seen#";

    /** A copy owed to {@code playerId}, caused (its POST sent) at {@code causedAtNanos}, posted to those nodes. */
    private record Owed(String playerId, long causedAtNanos, Set<Integer> postedTo) {}

    /** The team broadcast one session's last arrival should cause; its event id is only learnt from a copy. */
    private record TeamBroadcast(String sessionId, List<String> playerIds, long causedAtNanos,
            Set<Integer> postedTo) {}

    /** Everything one player received under one sk. */
    private static final class Received {
        int live;
        int caughtUp;
        long firstLiveAt = Long.MAX_VALUE;
        final Set<String> messageIds = new HashSet<>();
    }

    private final Map<String, Owed> owed = new HashMap<>();
    private final Map<String, TeamBroadcast> broadcasts = new HashMap<>();
    private final Map<String, String> broadcastEvents = new HashMap<>();
    private final Map<String, Received> received = new HashMap<>();

    synchronized void expect(String playerId, String sk, long causedAtNanos, Set<Integer> postedTo) {
        owed.put(sk, new Owed(playerId, causedAtNanos, Set.copyOf(postedTo)));
    }

    /**
     * One copy to each of {@code playerIds}, all sharing a messageId. The sk of each is {@code ai-msg#<player>#<id>}
     * with the id of the broadcast's own event, which no HTTP answer names: it is learnt from the first copy seen.
     */
    synchronized void expectBroadcast(String sessionId, List<String> playerIds, long causedAtNanos,
            Set<Integer> postedTo) {
        broadcasts.put(sessionId, new TeamBroadcast(sessionId, List.copyOf(playerIds), causedAtNanos,
                Set.copyOf(postedTo)));
    }

    synchronized void receiveLive(String receiverId, String sessionId, Frame.AiMessage message, long atNanos) {
        Received copy = receive(receiverId, sessionId, message);
        copy.live++;
        copy.firstLiveAt = Math.min(copy.firstLiveAt, atNanos);
    }

    synchronized void receiveCaughtUp(String receiverId, String sessionId, Frame.AiMessage message) {
        receive(receiverId, sessionId, message).caughtUp++;
    }

    /** Whether {@code playerId} has the copy {@code sk}, live or by catch-up. */
    synchronized boolean has(String playerId, String sk) {
        return received.containsKey(receiptKey(playerId, sk));
    }

    /** Copies owed and not received in any way yet. */
    synchronized int outstanding() {
        return outstanding(Set.of());
    }

    /**
     * Copies still worth waiting for: owed, not received, and not of an event that went only to a dead node —
     * such an event is either never orchestrated or stored and owed to catch-up, and no live push will come.
     */
    synchronized int outstanding(Set<Integer> deadNodes) {
        int missing = 0;
        for (Map.Entry<String, Owed> each : allOwed().entrySet()) {
            Owed copy = each.getValue();
            if (!received.containsKey(receiptKey(copy.playerId(), each.getKey()))
                    && !(deadNodes.containsAll(copy.postedTo()) && !deadNodes.isEmpty())) {
                missing++;
            }
        }
        return missing;
    }

    /** The sks, by player, of copies not received whose event was posted to a dead node. */
    synchronized Map<String, Set<String>> missingFrom(Set<Integer> deadNodes) {
        Map<String, Set<String>> missing = new HashMap<>();
        for (Map.Entry<String, Owed> each : allOwed().entrySet()) {
            Owed copy = each.getValue();
            if (!received.containsKey(receiptKey(copy.playerId(), each.getKey()))
                    && copy.postedTo().stream().anyMatch(deadNodes::contains)) {
                missing.computeIfAbsent(copy.playerId(), player -> new HashSet<>()).add(each.getKey());
            }
        }
        return missing;
    }

    synchronized MessageReconciliation reconcile(Set<Integer> deadNodes) {
        Map<String, Owed> all = allOwed();
        List<Long> latencies = new ArrayList<>();
        OptionalLong last = OptionalLong.empty();
        OptionalLong oldestDied = OptionalLong.empty();
        int live = 0;
        int caughtUp = 0;
        int redelivered = 0;
        int lost = 0;
        int duplicated = 0;
        int died = 0;
        Set<String> accounted = new HashSet<>();
        for (Map.Entry<String, Owed> each : all.entrySet()) {
            Owed copy = each.getValue();
            String key = receiptKey(copy.playerId(), each.getKey());
            accounted.add(key);
            Received got = received.get(key);
            if (got == null) {
                if (copy.postedTo().stream().anyMatch(deadNodes::contains)) {
                    died++;
                    oldestDied = OptionalLong.of(Math.min(copy.causedAtNanos(), oldestDied.orElse(Long.MAX_VALUE)));
                } else {
                    lost++;
                }
                continue;
            }
            if (got.live > 0) {
                live++;
                latencies.add(got.firstLiveAt - copy.causedAtNanos());
                last = OptionalLong.of(Math.max(got.firstLiveAt, last.orElse(Long.MIN_VALUE)));
            } else {
                caughtUp++;
            }
            // A second live push is the server's fault; any copy that came by catch-up besides is allowed.
            duplicated += Math.max(0, got.live - 1);
            redelivered += got.live == 0 ? got.caughtUp - 1 : got.caughtUp;
        }
        int unexpected = 0;
        for (Map.Entry<String, Received> each : received.entrySet()) {
            if (!accounted.contains(each.getKey())) {
                unexpected += each.getValue().live + each.getValue().caughtUp;
            }
        }
        int complete = 0;
        int mixedIds = 0;
        for (TeamBroadcast team : broadcasts.values()) {
            String event = broadcastEvents.get(team.sessionId());
            Set<String> messageIds = new HashSet<>();
            boolean everyoneOnce = event != null;
            for (String player : team.playerIds()) {
                Received got = event == null ? null : received.get(receiptKey(player, sk(player, event)));
                if (got == null) {
                    everyoneOnce = false;
                } else {
                    everyoneOnce &= got.live <= 1;
                    messageIds.addAll(got.messageIds);
                }
            }
            complete += everyoneOnce ? 1 : 0;
            mixedIds += messageIds.size() > 1 ? 1 : 0;
        }
        return new MessageReconciliation(all.size(), live, caughtUp, redelivered, lost, duplicated, unexpected, died,
                oldestDied, broadcasts.size(), complete, mixedIds, Latencies.summarize(latencies), last);
    }

    static String sk(String playerId, String eventId) {
        return PREFIX + playerId + "#" + eventId;
    }

    private Received receive(String receiverId, String sessionId, Frame.AiMessage message) {
        String own = PREFIX + receiverId + "#";
        if (message.isBroadcast() && message.sk().startsWith(own)) {
            broadcastEvents.putIfAbsent(sessionId, message.sk().substring(own.length()));
        }
        Received copy = received.computeIfAbsent(receiptKey(receiverId, message.sk()), key -> new Received());
        if (message.messageId() != null) {
            copy.messageIds.add(message.messageId());
        }
        return copy;
    }

    /** Individual copies by sk, plus every team broadcast copy once its event id is known (a placeholder before). */
    private Map<String, Owed> allOwed() {
        Map<String, Owed> all = new HashMap<>(owed);
        for (TeamBroadcast team : broadcasts.values()) {
            String event = broadcastEvents.get(team.sessionId());
            for (String player : team.playerIds()) {
                String key = event == null ? NO_BROADCAST_SEEN + team.sessionId() + "#" + player : sk(player, event);
                all.put(key, new Owed(player, team.causedAtNanos(), team.postedTo()));
            }
        }
        return all;
    }

    private static String receiptKey(String playerId, String sk) {
        return playerId + " " + sk;
    }
}
