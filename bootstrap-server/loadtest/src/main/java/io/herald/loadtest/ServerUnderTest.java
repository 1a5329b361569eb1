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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/**
 * One running server node as a game client sees it: a few HTTP calls and WebSocket connections, over the
 * HttpClient every node of the run shares.
 */
final class ServerUnderTest {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final int node;
    private final URI url;
    private final String base;
    private final HttpClient client;
    private final Clock clock;
    private final boolean socketOnNode;

    /** A lone server: sockets go to the websocketUrl it returns (checked), exactly as a game client does. */
    ServerUnderTest(URI base, HttpClient client, Clock clock) {
        this(0, base, client, clock, false);
    }

    /**
     * Node {@code node} of several: with {@code socketOnNode}, sockets go to this node's own {@code /ws}, since the
     * websocketUrl a node returns may name a load balancer and the run must know which node holds each socket.
     */
    ServerUnderTest(int node, URI base, HttpClient client, Clock clock, boolean socketOnNode) {
        this.node = node;
        this.url = base;
        this.base = base.toString().replaceAll("/+$", "");
        this.client = client;
        this.clock = clock;
        this.socketOnNode = socketOnNode;
    }

    int node() {
        return node;
    }

    URI url() {
        return url;
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
        health(REQUEST_TIMEOUT);
    }

    /** A short timeout tells a frozen node from a busy one quickly enough to fail over. */
    void health(Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/health")).timeout(timeout).GET()
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        requireOk("GET /health", response);
    }

    /** Registers a player; a null {@code teamCode} creates a team, a code joins that team. */
    RegisteredPlayer register(String playerName, String mode, String teamCode) throws IOException, InterruptedException {
        ObjectNode body = WireFrames.JSON.createObjectNode().put("playerName", playerName).put("mode", mode);
        if (teamCode != null) {
            body.put("teamCode", teamCode);
        }
        HttpResponse<String> response = client.send(post("/api/teams", body).build(),
                HttpResponse.BodyHandlers.ofString());
        requireOk("POST /api/teams", response);
        return RegisteredPlayer.fromJson(response.body());
    }

    EventAccepted postNodeComplete(RegisteredPlayer player, String nodeId) throws IOException, InterruptedException {
        return postEvent(player, "NodeComplete", "nodeId", nodeId);
    }

    EventAccepted postObjectArrive(RegisteredPlayer player, String objectId) throws IOException, InterruptedException {
        return postEvent(player, "ObjectArrive", "objectId", objectId);
    }

    /** One page of the messages stored for the player and not yet acknowledged delivered, oldest first. */
    CatchUpPage undelivered(RegisteredPlayer player, Optional<String> cursor) throws IOException, InterruptedException {
        String query = "?sessionId=" + encode(player.sessionId()) + "&playerId=" + encode(player.playerId())
                + cursor.map(next -> "&cursor=" + encode(next)).orElse("");
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/runtime/messages/undelivered" + query))
                .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + player.token()).GET().build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        requireOk("GET /runtime/messages/undelivered", response);
        return WireFrames.catchUpPage(response.body());
    }

    /** Makes a general room; the player who makes it is its first member. */
    void createRoom(RegisteredPlayer player, String roomId, String name) throws IOException, InterruptedException {
        ObjectNode body = WireFrames.JSON.createObjectNode().put("roomId", roomId).put("name", name);
        HttpResponse<String> response = client.send(post("/api/rooms", body)
                .header("Authorization", "Bearer " + player.token()).build(), HttpResponse.BodyHandlers.ofString());
        requireStatus("POST /api/rooms", response, 201);
    }

    void joinRoom(RegisteredPlayer player, String roomId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/rooms/" + encode(roomId) + "/join"))
                .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + player.token())
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        requireOk("POST /api/rooms/{roomId}/join", client.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    /** One page of a room's history, newest first: the newest {@code limit}, or those before {@code before}. */
    RoomHistoryPage roomHistory(RegisteredPlayer player, String roomId, int limit, Optional<String> before)
            throws IOException, InterruptedException {
        String query = "?limit=" + limit + before.map(cursor -> "&before=" + encode(cursor)).orElse("");
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/rooms/" + encode(roomId) + "/messages"
                + query)).timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + player.token()).GET().build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        requireOk("GET /api/rooms/{roomId}/messages", response);
        return WireFrames.roomHistoryPage(response.body());
    }

    private EventAccepted postEvent(RegisteredPlayer player, String eventType, String refField, String ref)
            throws IOException, InterruptedException {
        ObjectNode body = WireFrames.JSON.createObjectNode().put("sessionId", player.sessionId())
                .put("playerId", player.playerId()).put("eventType", eventType).put(refField, ref);
        HttpRequest request = post("/runtime/events", body).header("Authorization", "Bearer " + player.token())
                .build();
        long sent = System.nanoTime();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        long accepted = System.nanoTime();
        requireOk("POST /runtime/events", response);
        JsonNode answer = WireFrames.JSON.readTree(response.body());
        JsonNode eventId = answer.get("eventId");
        if (!answer.path("success").asBoolean(false) || eventId == null || eventId.isNull()) {
            throw new ServerRefusal("POST /runtime/events did not accept the event: " + Failures.abbreviate(
                    response.body()));
        }
        return new EventAccepted(eventId.asText(), sent, accepted);
    }

    /** Opens the player's socket; the session is returned once the handshake is done, before {@code join_session}. */
    CompletableFuture<PlayerSession> open(int connectionId, RegisteredPlayer player, ArrivalListener listener)
            throws IOException {
        URI uri = webSocketUri(url, player, socketOnNode);
        WebSocketTransport transport = new WebSocketTransport();
        PlayerSession session = new PlayerSession(connectionId, node, player, transport, listener, clock);
        transport.attach(session);
        return client.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT).buildAsync(uri, transport)
                .thenApply(ignored -> session);
    }

    static URI webSocketUri(URI base, RegisteredPlayer player) throws IOException {
        return webSocketUri(base, player, false);
    }

    /**
     * {@code websocketUrl?teamCode=…&token=…}, or with {@code onNode} the node's own {@code base/ws} instead of the
     * returned websocketUrl. Either is refused unless it points at the host of the node or at loopback: this tool
     * must never be steered at a third machine.
     */
    static URI webSocketUri(URI base, RegisteredPlayer player, boolean onNode) throws IOException {
        String address = onNode ? nodeSocket(base) : player.websocketUrl();
        URI socket = URI.create(address);
        String scheme = String.valueOf(socket.getScheme()).toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw new IOException("websocketUrl is not ws:// or wss://: " + address);
        }
        String host = socket.getHost();
        if (host == null || !host.equalsIgnoreCase(base.getHost()) && !isLoopback(host)) {
            throw new IOException("websocketUrl " + address + " is neither on " + base.getHost()
                    + " nor on loopback; refusing to connect");
        }
        String separator = socket.getRawQuery() == null ? "?" : "&";
        return URI.create(address + separator + "teamCode=" + encode(player.teamCode()) + "&token="
                + encode(player.token()));
    }

    /** {@code http://host:port/prefix} becomes {@code ws://host:port/prefix/ws}, {@code https} becomes {@code wss}. */
    private static String nodeSocket(URI base) {
        String plain = base.toString().replaceAll("/+$", "");
        return ("https".equalsIgnoreCase(base.getScheme()) ? "wss" : "ws") + plain.substring(plain.indexOf(':'))
                + "/ws";
    }

    private HttpRequest.Builder post(String path, JsonNode body) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(WireFrames.write(body)));
    }

    private static void requireOk(String call, HttpResponse<String> response) throws IOException {
        requireStatus(call, response, 200);
    }

    private static void requireStatus(String call, HttpResponse<String> response, int expected) throws IOException {
        if (response.statusCode() != expected) {
            throw new ServerRefusal(call + " answered " + response.statusCode() + ": "
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
