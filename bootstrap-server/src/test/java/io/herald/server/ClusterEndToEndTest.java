package io.herald.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.adapter.redis.RedisProcess;
import io.herald.server.PlayerClient.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two nodes, one Redis, one store: node A in this JVM, node B in a process of its own. A team of four is split across
 * them (Ana and Ben on A, Cal and Dee on B) and every request may go to either node. Then B is killed with SIGKILL;
 * its players reconnect to A and catch up.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterEndToEndTest {
    private static final Duration QUIET = Duration.ofMillis(800);
    private static RedisProcess redis;
    private static SharedDynamoDb store;
    private static HeraldServer nodeA;
    private static NodeProcess nodeB;
    private static String baseA;
    private static String baseB;
    private static PlayerClient ana;
    private static PlayerClient ben;
    private static PlayerClient cal;
    private static PlayerClient dee;
    private static final Map<PlayerClient, Device> devices = new HashMap<>();
    /** Every ai_message each player is owed so far, by its inbox key; none is acknowledged in this story. */
    private static final Map<PlayerClient, List<String>> owed = new HashMap<>();

    @BeforeAll
    static void two_nodes_and_a_split_team() throws Exception {
        redis = RedisProcess.start();
        store = SharedDynamoDb.start();
        Map<String, Object> cluster = new HashMap<>(store.nodeSettings());
        cluster.put("redis.uri", redis.uri());
        cluster.put("herald.redis.heartbeat", "300ms");
        cluster.put("herald.redis.node-timeout", "3s");
        cluster.put("herald.tokens.secret", "one-secret-for-every-node-of-the-cluster");
        cluster.put("herald.messages.cooldown", "0s");

        Map<String, Object> a = new HashMap<>(cluster);
        a.put("micronaut.server.port", -1);
        a.put("herald.data-dir", Files.createTempDirectory("herald-node-a").toString());
        nodeA = HeraldServer.start(new String[0], a);
        baseA = "http://127.0.0.1:" + nodeA.port();
        Map<String, Object> b = new HashMap<>(cluster);
        b.put("herald.data-dir", Files.createTempDirectory("herald-node-b").toString());
        nodeB = NodeProcess.start(b, Path.of("target", "cluster-node-b.log"));
        baseB = nodeB.base();

        ana = PlayerClient.register(baseA, "Ana", null);
        ben = PlayerClient.register(baseA, "Ben", ana.teamCode);
        cal = PlayerClient.register(baseB, "Cal", ana.teamCode);
        dee = PlayerClient.register(baseB, "Dee", ana.teamCode);
        for (PlayerClient player : List.of(ana, ben, cal, dee)) {
            devices.put(player, player.online());
            owed.put(player, new ArrayList<>());
        }
    }

    @AfterAll
    static void stop() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        store.close();
        redis.close();
    }

    private static String skOf(PlayerClient player, PlayerClient.Response accepted) {
        return "ai-msg#" + player.playerId + "#" + accepted.json().get("eventId").asText();
    }

    @Test
    @Order(1)
    void an_event_on_either_node_reaches_every_other_device_once_and_its_player_once() {
        PlayerClient.Response onB = ana.at(baseB).event("NodeComplete", "nodeId", "node-1");
        PlayerClient.Response onA = dee.at(baseA).event("NodeComplete", "nodeId", "node-2");

        assertThat(devices.get(ana).await("ai_message").get("sk").asText()).isEqualTo(skOf(ana, onB));
        assertThat(devices.get(dee).await("ai_message").get("sk").asText()).isEqualTo(skOf(dee, onA));
        owed.get(ana).add(skOf(ana, onB));
        owed.get(dee).add(skOf(dee, onA));
        for (PlayerClient player : List.of(ben, cal)) {
            List<JsonNode> deltas = List.of(devices.get(player).await("runtime_delta"), devices.get(player).await("runtime_delta"));
            assertThat(deltas).extracting(d -> d.at("/deltas/0/nodeId").asText()).containsExactlyInAnyOrder("node-1", "node-2");
        }
        assertThat(devices.get(ana).await("runtime_delta").at("/deltas/0/nodeId").asText()).isEqualTo("node-2");
        assertThat(devices.get(dee).await("runtime_delta").at("/deltas/0/nodeId").asText()).isEqualTo("node-1");
        for (PlayerClient player : List.of(ana, ben, cal, dee)) {
            assertThat(devices.get(player).drain("runtime_delta", QUIET)).as("no delta twice").isEmpty();
            assertThat(devices.get(player).drain("ai_message", Duration.ZERO)).as("no message twice").isEmpty();
        }
    }

    @Test
    @Order(2)
    void the_whole_team_arriving_across_both_nodes_gives_each_player_one_broadcast_sharing_one_message_id() {
        List<PlayerClient> order = List.of(ana, cal, ben, dee);
        for (int i = 0; i < order.size(); i++) {
            PlayerClient player = order.get(i);
            PlayerClient.Response arrived = player.at(i % 2 == 0 ? baseB : baseA).event("ObjectArrive", "objectId", "fountain");
            assertThat(arrived.status()).isEqualTo(200);
            if (i < order.size() - 1) {
                owed.get(player).add(skOf(player, arrived));
                devices.get(player).await(f -> skOf(player, arrived).equals(f.path("sk").asText()), "its arrival message");
            }
        }

        List<JsonNode> broadcasts = new ArrayList<>();
        for (PlayerClient player : order) {
            JsonNode broadcast = devices.get(player).await(f -> "broadcast".equals(f.path("messageType").asText()),
                    "the broadcast");
            broadcasts.add(broadcast);
            owed.get(player).add(broadcast.get("sk").asText());
        }
        assertThat(broadcasts).extracting(b -> b.get("messageId").asText()).containsOnly(broadcasts.getFirst().get("messageId").asText());
        for (PlayerClient player : order) {
            assertThat(devices.get(player).drain("ai_message", QUIET)).as("nothing more for " + player.playerId).isEmpty();
        }
    }

    @Test
    @Order(3)
    void either_node_counts_the_devices_online_on_both() {
        for (String base : List.of(baseA, baseB)) {
            JsonNode snapshot = PlayerClient.get(base + "/api/runtime/session/" + ana.sessionId, ana.token).json();
            assertThat(StreamSupport.stream(snapshot.get("players").spliterator(), false)
                    .map(p -> p.get("devicesOnline").asInt())).as("from " + base).containsExactly(1, 1, 1, 1);
        }
    }

    @Test
    @Order(4)
    void members_on_both_nodes_racing_in_one_room_each_see_every_message_once_in_offset_order() {
        String room = "cluster-room-" + java.util.UUID.randomUUID();
        assertThat(PlayerClient.post(baseA + "/api/rooms", ana.token, "{\"roomId\":\"" + room + "\"}").status())
                .isEqualTo(201);
        for (PlayerClient member : List.of(ben, cal, dee)) {
            assertThat(PlayerClient.post(member.base + "/api/rooms/" + room + "/join", member.token, "").status())
                    .isEqualTo(200);
        }
        for (PlayerClient member : List.of(ana, ben, cal, dee)) {
            devices.get(member).send(PlayerClient.JSON.createObjectNode().put("type", "room_subscribe").put("roomId", room));
            devices.get(member).await("room_subscribed");
        }

        int each = 15;
        for (int i = 0; i < each; i++) {
            for (PlayerClient sender : List.of(ben, dee)) {
                devices.get(sender).send(PlayerClient.JSON.createObjectNode().put("type", "room_send")
                        .put("roomId", room).put("text", sender.playerId + " " + i));
            }
        }

        List<Long> all = java.util.stream.LongStream.rangeClosed(1, 2L * each).boxed().toList();
        for (PlayerClient member : List.of(ana, ben, cal, dee)) {
            List<Long> offsets = new ArrayList<>();
            for (int i = 0; i < 2 * each; i++) {
                offsets.add(devices.get(member).await("room_message").get("offset").asLong());
            }
            assertThat(offsets).as(member.playerId + " sees each offset once, in order").containsExactlyElementsOf(all);
            assertThat(devices.get(member).drain("room_message", QUIET)).as("nothing twice").isEmpty();
            devices.get(member).drain("room_sent", Duration.ZERO);
        }
    }

    @Test
    @Order(5)
    void a_node_killed_hard_loses_nothing_its_players_reconnect_to_the_other_and_catch_up() throws Exception {
        nodeB.killHard();
        for (PlayerClient player : List.of(cal, dee)) {
            assertThat(devices.get(player).closed).succeedsWithin(10, TimeUnit.SECONDS);
        }
        awaitDevices(Map.of(ana.playerId, 1, ben.playerId, 1, cal.playerId, 0, dee.playerId, 0));

        PlayerClient.Response whileAway = cal.at(baseA).event("NodeComplete", "nodeId", "node-3");
        owed.get(cal).add(skOf(cal, whileAway));
        devices.get(ana).await(f -> "node-3".equals(f.at("/deltas/0/nodeId").asText()), "the delta on the live node");

        for (PlayerClient player : List.of(cal, dee)) {
            PlayerClient back = player.at(baseA);
            devices.put(player, back.online());
            List<String> caughtUp = new ArrayList<>();
            back.undelivered().json().get("messages").forEach(m -> caughtUp.add(m.get("sk").asText()));
            assertThat(caughtUp).as("everything owed to " + player.playerId + ", nothing else")
                    .containsExactlyInAnyOrderElementsOf(owed.get(player));
        }
        awaitDevices(Map.of(ana.playerId, 1, ben.playerId, 1, cal.playerId, 1, dee.playerId, 1));
        PlayerClient.Response afterwards = dee.at(baseA).event("NodeComplete", "nodeId", "node-4");
        assertThat(devices.get(dee).await("ai_message").get("sk").asText()).isEqualTo(skOf(dee, afterwards));
    }

    private static void awaitDevices(Map<String, Integer> expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Map<String, Integer> seen = Map.of();
        while (System.nanoTime() < deadline) {
            JsonNode snapshot = PlayerClient.get(baseA + "/api/runtime/session/" + ana.sessionId, ana.token).json();
            Map<String, Integer> now = new HashMap<>();
            snapshot.get("players").forEach(p -> now.put(p.get("playerId").asText(), p.get("devicesOnline").asInt()));
            seen = now;
            if (now.equals(expected)) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(seen).as("devices online after the change").isEqualTo(expected);
    }

}
