package io.herald.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A game client as a test drives it: registers over HTTP, holds real WebSocket connections, reads every frame. */
final class PlayerClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Duration WAIT = Duration.ofSeconds(10);

    final String base;
    final String teamCode;
    final String sessionId;
    final String playerId;
    final String token;
    final String websocketUrl;

    private PlayerClient(String base, JsonNode registration) {
        this(base, registration.get("teamCode").asText(), registration.at("/session/sessionId").asText(),
                registration.at("/session/playerId").asText(), registration.get("token").asText(),
                registration.get("websocketUrl").asText());
    }

    private PlayerClient(String base, String teamCode, String sessionId, String playerId, String token, String websocketUrl) {
        this.base = base;
        this.teamCode = teamCode;
        this.sessionId = sessionId;
        this.playerId = playerId;
        this.token = token;
        this.websocketUrl = websocketUrl;
    }

    /** The same player, with the same token, talking to a server at another address (a restarted one). */
    PlayerClient at(String otherBase) {
        String socketBase = otherBase.replaceFirst("^http", "ws") + "/ws";
        return new PlayerClient(otherBase, teamCode, sessionId, playerId, token, socketBase);
    }

    static PlayerClient register(String base, String name, String teamCode) {
        ObjectNode body = JSON.createObjectNode().put("playerName", name).put("mode", "team");
        if (teamCode != null) {
            body.put("teamCode", teamCode);
        }
        Response response = post(base + "/api/teams", null, body.toString());
        if (response.status() != 200) {
            throw new AssertionError("registration failed: " + response);
        }
        return new PlayerClient(base, response.json());
    }

    record Response(int status, JsonNode json) {
    }

    static Response post(String url, String bearer, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(WAIT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    static Response get(String url, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(WAIT).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), JSON.readTree(response.body()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    Response event(String eventType, String field, String value) {
        return post(base + "/runtime/events", token, JSON.createObjectNode().put("sessionId", sessionId)
                .put("playerId", playerId).put("eventType", eventType).put(field, value).toString());
    }

    Response undelivered() {
        return get(base + "/runtime/messages/undelivered?sessionId=" + sessionId + "&playerId=" + playerId, token);
    }

    /** How many of this player's devices the server counts online, from the session snapshot. */
    int devicesOnline() {
        for (JsonNode player : get(base + "/api/runtime/session/" + sessionId, token).json().path("players")) {
            if (playerId.equals(player.path("playerId").asText())) {
                return player.path("devicesOnline").asInt();
            }
        }
        throw new AssertionError(playerId + " is not in its own session snapshot");
    }

    /** Whether the server comes to count exactly {@code expected} of this player's devices online within the wait. */
    boolean comesToHaveDevicesOnline(int expected) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (devicesOnline() != expected) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        return true;
    }

    Device connect() {
        return connect(token);
    }

    Device connect(String withToken) {
        Device device = new Device();
        device.socket = HTTP.newWebSocketBuilder().buildAsync(URI.create(socketUrl(withToken)), device).join();
        return device;
    }

    /** Where this player's devices connect, token included. */
    String socketUrl() {
        return socketUrl(token);
    }

    private String socketUrl(String withToken) {
        return websocketUrl + "?teamCode=" + teamCode + "&token=" + URLEncoder.encode(withToken, StandardCharsets.UTF_8);
    }

    /** Connects and joins, waiting for the server's {@code joined}. */
    Device online() {
        Device device = connect();
        device.send(JSON.createObjectNode().put("type", "join_session").put("sessionId", sessionId).put("playerId", playerId));
        device.await("joined");
        return device;
    }

    /** One device's socket: every text frame it receives, in order, and how it was closed. */
    static final class Device implements WebSocket.Listener {
        private final LinkedBlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        private final List<JsonNode> seen = new ArrayList<>();
        private final StringBuilder partial = new StringBuilder();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    frames.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new AssertionError("server sent a non-JSON frame: " + partial, e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }

        void send(JsonNode frame) {
            send(frame.toString());
        }

        void send(String text) {
            socket.sendText(text, true).join();
        }

        JsonNode await(String type) {
            return await(f -> type.equals(f.path("type").asText()), type);
        }

        JsonNode await(Predicate<JsonNode> wanted, String what) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (JsonNode frame : seen) {
                    if (wanted.test(frame)) {
                        seen.remove(frame);
                        return frame;
                    }
                }
                try {
                    JsonNode next = frames.poll(50, TimeUnit.MILLISECONDS);
                    if (next != null) {
                        seen.add(next);
                    }
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
            throw new AssertionError("no " + what + " within " + WAIT + "; got " + seen);
        }

        /** Everything received within the quiet period, of the given type. */
        List<JsonNode> drain(String type, Duration quiet) {
            long deadline = System.nanoTime() + quiet.toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    JsonNode next = frames.poll(20, TimeUnit.MILLISECONDS);
                    if (next != null) {
                        seen.add(next);
                    }
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
            List<JsonNode> matching = seen.stream().filter(f -> type.equals(f.path("type").asText())).toList();
            seen.removeAll(matching);
            return matching;
        }

        void close() {
            close(WebSocket.NORMAL_CLOSURE);
        }

        void close(int code) {
            socket.sendClose(code, "bye").join();
        }
    }
}
