package io.herald.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/** The running server as a game client sees it: three HTTP calls and WebSocket connections, over one HttpClient. */
final class HeraldServer {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final String base;
    private final HttpClient client;
    private final Clock clock;

    HeraldServer(URI base, HttpClient client, Clock clock) {
        this.base = base.toString().replaceAll("/+$", "");
        this.client = client;
        this.clock = clock;
    }

    /**
     * One client for every request and socket. Its own fixed pool runs the WebSocket callbacks: the default
     * executor grows a thread per burst, which at thousands of connections costs more than the work it does.
     */
    static HttpClient newClient() {
        int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        return HttpClient.newBuilder()
                // Plain-text HTTP/2 would add an upgrade attempt to every new connection for nothing.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .executor(Executors.newFixedThreadPool(threads,
                        Thread.ofPlatform().daemon().name("herald-io-", 0).factory()))
                .build();
    }

    void health() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/health")).timeout(REQUEST_TIMEOUT).GET()
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        requireOk("GET /health", response);
    }

    /** Registers a player; a null {@code teamCode} creates a team, a code joins that team. */
    Registration register(String playerName, String mode, String teamCode) throws IOException, InterruptedException {
        ObjectNode body = Frames.JSON.createObjectNode().put("playerName", playerName).put("mode", mode);
        if (teamCode != null) {
            body.put("teamCode", teamCode);
        }
        HttpResponse<String> response = client.send(post("/api/teams", body).build(),
                HttpResponse.BodyHandlers.ofString());
        requireOk("POST /api/teams", response);
        return Registration.fromJson(response.body());
    }

    EventAccepted postNodeComplete(Registration player, String nodeId) throws IOException, InterruptedException {
        ObjectNode body = Frames.JSON.createObjectNode().put("sessionId", player.sessionId())
                .put("playerId", player.playerId()).put("eventType", "NodeComplete").put("nodeId", nodeId);
        HttpRequest request = post("/runtime/events", body).header("Authorization", "Bearer " + player.token())
                .build();
        long sent = System.nanoTime();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        long accepted = System.nanoTime();
        requireOk("POST /runtime/events", response);
        JsonNode answer = Frames.JSON.readTree(response.body());
        JsonNode eventId = answer.get("eventId");
        if (!answer.path("success").asBoolean(false) || eventId == null || eventId.isNull()) {
            throw new IOException("POST /runtime/events did not accept the event: " + Failures.abbreviate(
                    response.body()));
        }
        return new EventAccepted(eventId.asText(), sent, accepted);
    }

    /** Opens the player's socket; the session is returned once the handshake is done, before {@code join_session}. */
    CompletableFuture<PlayerSession> open(int connectionId, Registration player, ArrivalListener listener)
            throws IOException {
        URI uri = webSocketUri(URI.create(base), player);
        WebSocketTransport transport = new WebSocketTransport();
        PlayerSession session = new PlayerSession(connectionId, player, transport, listener, clock);
        transport.attach(session);
        return client.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT).buildAsync(uri, transport)
                .thenApply(ignored -> session);
    }

    /**
     * {@code websocketUrl?teamCode=…&token=…}. The URL comes from the server, so it is refused unless it points at
     * the host of {@code --url} or at loopback: this tool must never be steered at a third machine.
     */
    static URI webSocketUri(URI base, Registration player) throws IOException {
        URI socket = URI.create(player.websocketUrl());
        String scheme = String.valueOf(socket.getScheme()).toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw new IOException("websocketUrl is not ws:// or wss://: " + player.websocketUrl());
        }
        String host = socket.getHost();
        if (host == null || !host.equalsIgnoreCase(base.getHost()) && !isLoopback(host)) {
            throw new IOException("websocketUrl " + player.websocketUrl() + " is neither on " + base.getHost()
                    + " nor on loopback; refusing to connect");
        }
        String separator = socket.getRawQuery() == null ? "?" : "&";
        return URI.create(player.websocketUrl() + separator + "teamCode=" + encode(player.teamCode()) + "&token="
                + encode(player.token()));
    }

    private HttpRequest.Builder post(String path, JsonNode body) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Frames.write(body)));
    }

    private static void requireOk(String call, HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException(call + " answered " + response.statusCode() + ": "
                    + Failures.abbreviate(response.body()));
        }
    }

    private static boolean isLoopback(String host) {
        String plain = host.toLowerCase(Locale.ROOT);
        return plain.equals("localhost") || plain.startsWith("127.") || plain.equals("[::1]") || plain.equals("::1");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
