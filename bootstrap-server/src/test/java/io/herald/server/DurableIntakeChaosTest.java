package io.herald.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A server process killed with SIGKILL in the middle of a burst of events, twenty times, each time restarted on the
 * same data directory. Every event it answered 2xx must end with its AI message stored (lost = 0), none twice
 * (duplicated = 0), and none for an event nobody sent (unexpected = 0). Events whose request died with the process
 * were never promised and may go either way.
 */
class DurableIntakeChaosTest {
    private static final int ROUNDS = 20;
    private static final int EVENTS_PER_ROUND = 24;
    private static final int KILL_AFTER_ANSWERS = 10;

    @Test
    void every_event_answered_2xx_survives_twenty_hard_kills_mid_burst() throws Exception {
        Path data = Files.createTempDirectory("herald-chaos");
        Path log = Path.of("target", "chaos-node.log");
        Files.deleteIfExists(log);
        Map<String, Object> settings = Map.of(
                "herald.data-dir", data.toString(),
                "herald.messages.cooldown", "0s",
                "herald.events.recover-after", "1s",
                "herald.events.recovery-interval", "300ms",
                // Each event taken over and each outcome: the lines a failure quotes.
                "logger.levels.io.herald.adapter.websocket.InProcessEventPublisher", "DEBUG");
        List<PlayerClient> players = new ArrayList<>();
        Map<String, String> accepted = new ConcurrentHashMap<>();
        Set<String> posted = ConcurrentHashMap.newKeySet();
        AtomicInteger unanswered = new AtomicInteger();

        for (int round = 0; round < ROUNDS; round++) {
            NodeProcess node = NodeProcess.start(settings, log);
            String base = node.base();
            if (players.isEmpty()) {
                PlayerClient first = PlayerClient.register(base, "P0", null);
                players.add(first);
                for (int i = 1; i < 4; i++) {
                    players.add(PlayerClient.register(base, "P" + i, first.teamCode));
                }
            }
            burstThenKill(round, players.stream().map(p -> p.at(base)).toList(), node, accepted, posted, unanswered);
        }

        Map<String, Integer> stored;
        try (NodeProcess last = NodeProcess.start(settings, log)) {
            stored = awaitStored(last.base(), players, accepted.keySet());
        }
        Set<String> lost = new HashSet<>(accepted.keySet());
        lost.removeAll(stored.keySet());
        Set<String> unexpected = new HashSet<>(stored.keySet());
        unexpected.removeAll(posted);
        long duplicated = stored.values().stream().filter(count -> count > 1).count();

        System.out.printf("chaos: %d rounds, %d events posted, %d answered 2xx, %d died with the process;"
                + " messages stored %d, lost %d, duplicated %d, unexpected %d%n", ROUNDS, posted.size(),
                accepted.size(), unanswered.get(), stored.size(), lost.size(), duplicated, unexpected.size());
        assertThat(accepted).as("the bursts got answers before the kills").isNotEmpty();
        assertThat(lost).as("lost: %s;%nthe store holds of them:%n%s%nthe node log names them:%n%s",
                lost.stream().map(accepted::get).sorted().toList(), StoreForensics.itemsOf(data, lost),
                StoreForensics.logLinesOf(log, lost)).isEmpty();
        assertThat(duplicated).as("duplicated").isZero();
        assertThat(unexpected).as("unexpected; the store holds of them:%n%s%nthe node log names them:%n%s",
                StoreForensics.itemsOf(data, unexpected), StoreForensics.logLinesOf(log, unexpected)).isEmpty();
    }

    private static void burstThenKill(int round, List<PlayerClient> players, NodeProcess node,
            Map<String, String> accepted, Set<String> posted, AtomicInteger unanswered) throws Exception {
        CountDownLatch enoughAnswers = new CountDownLatch(KILL_AFTER_ANSWERS);
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < EVENTS_PER_ROUND; i++) {
                PlayerClient player = players.get(i % players.size());
                String nodeId = "r" + round + "-e" + i;
                senders.execute(() -> {
                    String sk = skFor(player, nodeId);
                    posted.add(sk);
                    try {
                        PlayerClient.Response response = player.event("NodeComplete", "nodeId", nodeId);
                        if (response.status() == 200) {
                            accepted.put(sk, nodeId + " of " + player.playerId);
                        }
                    } catch (AssertionError connectionDied) {
                        unanswered.incrementAndGet();
                    } finally {
                        enoughAnswers.countDown();
                    }
                });
            }
            enoughAnswers.await();
            node.killHard();
        } finally {
            senders.shutdown();
            senders.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** The inbox key the event's message has: the same deterministic id the server computes. */
    private static String skFor(PlayerClient player, String nodeId) {
        return "ai-msg#" + player.playerId + "#" + new io.herald.domain.NodeComplete(new io.herald.domain.SessionId(
                player.sessionId), new io.herald.domain.PlayerId(player.playerId), new io.herald.domain.NodeId(nodeId),
                java.time.Instant.EPOCH).id();
    }

    /** Every stored message of the team, by inbox key, counted; waits until the accepted ones are all there. */
    private static Map<String, Integer> awaitStored(String base, List<PlayerClient> players, Set<String> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<String, Integer> stored = Map.of();
        while (System.nanoTime() < deadline) {
            stored = new HashMap<>();
            for (PlayerClient player : players) {
                for (String sk : catchUp(player.at(base))) {
                    stored.merge(sk, 1, Integer::sum);
                }
            }
            if (stored.keySet().containsAll(wanted)) {
                return stored;
            }
            Thread.sleep(500);
        }
        return stored;
    }

    private static List<String> catchUp(PlayerClient player) {
        List<String> keys = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = PlayerClient.get(player.base + "/runtime/messages/undelivered?sessionId=" + player.sessionId
                    + "&playerId=" + player.playerId + "&limit=100&cursor="
                    + URLEncoder.encode(cursor, StandardCharsets.UTF_8), player.token).json();
            page.get("messages").forEach(m -> keys.add(m.get("sk").asText()));
            cursor = page.path("nextCursor").asText("");
        } while (!cursor.isEmpty());
        return keys;
    }
}
