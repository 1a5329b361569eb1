package io.herald.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.server.PlayerClient.Device;
import io.herald.server.PlayerClient.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A device that stops reading costs the server a bounded amount of memory: past it the device is closed with 4008 and
 * what it was owed stays owed. Raw sockets with a small receive buffer that stop reading, against a started server.
 */
class SlowDeviceTest {
    private static final int QUEUE_LIMIT = 262_144;
    private static final int RECEIVE_BUFFER = 8_192;
    /** Far beyond every buffer on the way (4 MiB of kernel send buffer at most here) and the queue limit. */
    private static final int MOST_PUSHES = 1_000;
    private static final String BULKY_DELTAS = bulkyDeltas();

    private HeraldServer server;
    private String base;

    private void start(Map<String, Object> settings) throws IOException {
        Map<String, Object> all = new HashMap<>(settings);
        all.put("micronaut.server.port", -1);
        all.put("herald.data-dir", Files.createTempDirectory("herald-slow").toString());
        all.put("herald.messages.cooldown", "0s");
        all.put("herald.websocket.max-queued-bytes", QUEUE_LIMIT);
        server = HeraldServer.start(new String[0], all);
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** About 63 KB of deltas: thirty of eight 250-character fields. */
    private static String bulkyDeltas() {
        ArrayNode deltas = PlayerClient.JSON.createArrayNode();
        String text = "x".repeat(250);
        for (int i = 0; i < 30; i++) {
            ObjectNode delta = deltas.addObject().put("type", "NODE_UNLOCKED");
            for (int f = 0; f < 8; f++) {
                delta.put("f" + f, text);
            }
        }
        return deltas.toString();
    }

    /** A quiet event (nothing to say) whose deltas go to every other device of the session. */
    private Response pushBulkyDeltas(PlayerClient from) {
        String body = "{\"sessionId\":\"" + from.sessionId + "\",\"playerId\":\"" + from.playerId
                + "\",\"eventType\":\"PeriodicCheck\",\"deltas\":" + BULKY_DELTAS + "}";
        return PlayerClient.post(base + "/runtime/events", from.token, body);
    }

    /** Joins as the player, reads up to {@code joined}, and from then on reads nothing. */
    private static RawSocket joinedAndNotReading(PlayerClient player) throws IOException {
        RawSocket socket = RawSocket.open(player.socketUrl(), RECEIVE_BUFFER, PlayerClient.WAIT);
        socket.sendText(PlayerClient.JSON.createObjectNode().put("type", "join_session").put("sessionId", player.sessionId)
                .put("playerId", player.playerId).toString());
        socket.awaitText("\"joined\"");
        return socket;
    }

    /** Individual AI messages for the player, which are stored before they are pushed; their inbox keys. */
    private static List<String> messagesFor(PlayerClient player, int count) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Response response = player.event("NodeComplete", "nodeId", "node-" + i);
            assertThat(response.status()).isEqualTo(200);
            keys.add("ai-msg#" + player.playerId + "#" + response.json().get("eventId").asText());
        }
        return keys;
    }

    private static boolean catchUpComesToOwe(PlayerClient player, List<String> keys) throws InterruptedException {
        long deadline = System.nanoTime() + PlayerClient.WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> owed = new ArrayList<>();
            for (JsonNode message : player.undelivered().json().path("messages")) {
                owed.add(message.path("sk").asText());
            }
            if (owed.containsAll(keys)) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    @Test
    void a_device_that_never_reads_is_closed_while_pushes_keep_coming_and_catch_up_still_owes_it_every_message()
            throws Exception {
        start(Map.of("herald.websocket.close-grace", "200ms"));
        PlayerClient ana = PlayerClient.register(base, "Ana", null);
        PlayerClient ben = PlayerClient.register(base, "Ben", ana.teamCode);

        try (RawSocket stalled = joinedAndNotReading(ana)) {
            List<String> owed = messagesFor(ana, 3);
            int pushes = 0;
            while (pushes < MOST_PUSHES && ana.devicesOnline() > 0) {
                assertThat(pushBulkyDeltas(ben).status()).isEqualTo(200);
                pushes++;
            }

            assertThat(ana.comesToHaveDevicesOnline(0)).as("closed by the server within %d pushes", pushes).isTrue();
            assertThat(stalled.endsAfterDraining()).isTrue();
            assertThat(catchUpComesToOwe(ana, owed)).as("catch-up owes %s", owed).isTrue();
        }
        Device benPhone = ben.online();
        benPhone.send("{\"type\":\"ping\"}");
        assertThat(benPhone.await("pong")).isNotNull();
    }

    @Test
    void a_device_that_falls_behind_and_reads_again_finds_itself_closed_as_too_slow_with_4008() throws Exception {
        // A fixed kernel send buffer, so that a known number of pushes is sure to pass the limit.
        start(Map.of("herald.websocket.close-grace", "60s", "micronaut.server.netty.child-options.so-sndbuf", 65_536));
        PlayerClient ana = PlayerClient.register(base, "Ana", null);
        PlayerClient ben = PlayerClient.register(base, "Ben", ana.teamCode);

        try (RawSocket behind = joinedAndNotReading(ana)) {
            for (int i = 0; i < 40; i++) {
                assertThat(pushBulkyDeltas(ben).status()).isEqualTo(200);
            }

            assertThat(behind.awaitClose()).isEqualTo(new RawSocket.Closed(4008, "too_slow"));
        }
        assertThat(ana.comesToHaveDevicesOnline(0)).isTrue();
    }
}
