package io.herald.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.server.PlayerClient.Device;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connection manager on a running server (seed 004): each connection's record (address, user agent, activity,
 * status) through the admin API, a disconnect by status that closes the socket, and the schedule closing a socket
 * that stayed silent while a chatty one stays open.
 */
class ConnectionManagerEndToEndTest {
    private static final String SERVICE_KEY = "connection-manager-key-for-tests";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static HeraldServer server;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        server = FreshServer.start("connections", "herald.http.service-key", SERVICE_KEY,
                "herald.connections.inactive-after", "3s",
                "herald.connections.cleanup-interval", "1s",
                "herald.connections.activity-every", "200ms");
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode admin(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(PlayerClient.WAIT)
                .header("Authorization", "Bearer " + SERVICE_KEY).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return ((com.fasterxml.jackson.databind.node.ObjectNode) PlayerClient.JSON.readTree(response.body()))
                    .put("status_", response.statusCode());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode connectionsOf(PlayerClient player) {
        return admin("GET", "/api/admin/players/" + player.sessionId + "/" + player.playerId + "/connections", null);
    }

    private static JsonNode awaitRecords(PlayerClient player, Predicate<JsonNode> wanted) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = connectionsOf(player).get("connections");
            if (wanted.test(last)) {
                return last;
            }
            sleep(100);
        }
        throw new AssertionError("the records never became what was expected; last: " + last);
    }

    private static Device connectAs(PlayerClient player, String userAgent) {
        Device device = new Device();
        device.socket = HTTP.newWebSocketBuilder().header("User-Agent", userAgent)
                .buildAsync(URI.create(player.websocketUrl + "?teamCode=" + player.teamCode + "&token="
                        + URLEncoder.encode(player.token, StandardCharsets.UTF_8)), device).join();
        return device;
    }

    @Test
    void a_connection_is_recorded_with_its_address_and_client_and_a_disconnect_by_status_closes_it() {
        PlayerClient ana = PlayerClient.register(base, "Ana", null);
        Device phone = connectAs(ana, "HeraldTest/1.0 (phone)");

        JsonNode records = awaitRecords(ana, r -> r.size() == 1);
        JsonNode record = records.get(0);
        String id = record.get("connectionId").asText();
        JsonNode changed = admin("PUT", "/api/admin/connections/" + id + "/status", "{\"status\":\"disconnected\"}");

        assertThat(record.get("status").asText()).isEqualTo("connected");
        assertThat(record.get("clientAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(record.get("userAgent").asText()).isEqualTo("HeraldTest/1.0 (phone)");
        assertThat(changed.get("status_").asInt()).isEqualTo(200);
        assertThat(phone.closed).succeedsWithin(10, TimeUnit.SECONDS).isEqualTo(4001);
        awaitRecords(ana, r -> "disconnected".equals(r.get(0).get("status").asText()));
        assertThat(admin("GET", "/api/admin/sessions/" + ana.sessionId + "/connections", null).get("connections"))
                .hasSize(1);
        assertThat(admin("PUT", "/api/admin/connections/nobody/status", "{\"status\":\"connected\"}")
                .get("status_").asInt()).isEqualTo(404);
    }

    @Test
    void the_schedule_closes_a_silent_socket_and_leaves_a_chatty_one_open() {
        PlayerClient ana = PlayerClient.register(base, "Ana", null);
        PlayerClient ben = PlayerClient.register(base, "Ben", ana.teamCode);
        Device silent = ana.connect();
        Device chatty = ben.connect();

        for (int i = 0; i < 60 && !silent.closed.isDone(); i++) {
            chatty.send("{\"type\":\"ping\"}");
            chatty.await("pong");
            sleep(150);
        }

        assertThat(silent.closed).as("silent past 3 s").succeedsWithin(5, TimeUnit.SECONDS).isEqualTo(4001);
        assertThat(chatty.closed).as("pinging all along").isNotDone();
        awaitRecords(ana, r -> "disconnected".equals(r.get(0).get("status").asText()));
        assertThat(connectionsOf(ben).get("connections").get(0).get("status").asText()).isEqualTo("connected");
    }

    @Test
    void the_admin_api_takes_the_service_key_only() throws Exception {
        PlayerClient ana = PlayerClient.register(base, "Ana", null);

        assertThat(PlayerClient.get(base + "/api/admin/connections", ana.token).status()).isEqualTo(403);
        assertThat(admin("GET", "/api/admin/connections?limit=5", null).get("connections").size()).isLessThanOrEqualTo(5);
        assertThat(admin("GET", "/api/admin/connections?cursor=not%20a%20cursor", null).get("code").asText())
                .isEqualTo("invalid_cursor");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
