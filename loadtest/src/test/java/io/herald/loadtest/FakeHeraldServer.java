package io.herald.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in Herald on loopback speaking the §5 wire protocol over real HTTP and a minimal RFC 6455 server, so
 * scenario tests drive the tool's real sockets without the product — and can make it lose or repeat a message.
 */
final class FakeHeraldServer implements AutoCloseable {
    enum Fault { NONE, LOSE_ONE_AI_MESSAGE, DUPLICATE_ONE_AI_MESSAGE }

    private record Player(String teamCode, String sessionId, String playerId, String name, String token) {}

    private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final HttpServer http;
    private final ServerSocket sockets;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, String> sessionOfTeam = new ConcurrentHashMap<>();
    private final Map<String, Player> playerByToken = new ConcurrentHashMap<>();
    private final Map<String, List<Connection>> joinedBySession = new ConcurrentHashMap<>();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicBoolean faultUsed = new AtomicBoolean();
    private final Fault fault;

    FakeHeraldServer(Fault fault) throws IOException {
        this.fault = fault;
        InetAddress loopback = InetAddress.getLoopbackAddress();
        sockets = new ServerSocket(0, 1000, loopback);
        http = HttpServer.create(new InetSocketAddress(loopback, 0), 1000);
        http.setExecutor(threads);
        http.createContext("/health", exchange -> respond(exchange, 200, "{\"status\":\"UP\"}"));
        http.createContext("/api/teams", this::register);
        http.createContext("/runtime/events", this::event);
        http.start();
        threads.submit(this::acceptSockets);
    }

    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    @Override
    public void close() throws IOException {
        http.stop(0);
        sockets.close();
        joinedBySession.values().forEach(list -> list.forEach(Connection::closeQuietly));
        threads.shutdownNow();
    }

    private void register(HttpExchange exchange) throws IOException {
        JsonNode body = Frames.JSON.readTree(exchange.getRequestBody());
        String teamCode = body.path("teamCode").asText(null);
        if (teamCode == null) {
            teamCode = "T" + String.format("%05d", ids.incrementAndGet());
            sessionOfTeam.put(teamCode, "session-" + teamCode);
        } else if (!sessionOfTeam.containsKey(teamCode)) {
            respond(exchange, 404, "{\"success\":false,\"code\":\"TEAM_NOT_FOUND\",\"message\":\"no such team\"}");
            return;
        }
        int id = ids.incrementAndGet();
        Player player = new Player(teamCode, sessionOfTeam.get(teamCode), "player-" + id,
                body.path("playerName").asText(), "token+" + id + "/=");
        playerByToken.put(player.token(), player);
        ObjectNode answer = Frames.JSON.createObjectNode().put("teamCode", teamCode);
        answer.putObject("session").put("sessionId", player.sessionId()).put("playerId", player.playerId())
                .put("playerName", player.name()).put("mode", body.path("mode").asText());
        answer.put("websocketUrl", "ws://127.0.0.1:" + sockets.getLocalPort() + "/ws").put("token", player.token());
        respond(exchange, 200, Frames.write(answer));
    }

    private void event(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Player player = authorization == null ? null : playerByToken.get(authorization.replace("Bearer ", ""));
        JsonNode body = Frames.JSON.readTree(exchange.getRequestBody());
        if (player == null || !player.playerId().equals(body.path("playerId").asText())) {
            respond(exchange, 401, "{\"success\":false,\"code\":\"UNAUTHORIZED\",\"message\":\"bad token\"}");
            return;
        }
        String nodeId = body.path("nodeId").asText();
        String eventId = "NodeComplete-" + sha256Hex(player.sessionId() + "|NodeComplete|" + player.playerId() + "|"
                + nodeId).substring(0, 16);
        ObjectNode delta = Frames.JSON.createObjectNode().put("type", "NODE_COMPLETED")
                .put("playerId", player.playerId()).put("nodeId", nodeId).put("timestamp", Instant.now().toString());
        ObjectNode push = Frames.JSON.createObjectNode().put("type", "runtime_delta")
                .put("sessionId", player.sessionId());
        push.putArray("deltas").add(delta);
        String pushed = Frames.write(push);
        for (Connection connection : joined(player.sessionId())) {
            if (!connection.player.playerId().equals(player.playerId())) {
                connection.sendText(pushed);
            }
        }
        ObjectNode answer = Frames.JSON.createObjectNode().put("success", true).put("eventId", eventId);
        ArrayNode deltas = answer.putArray("deltas");
        deltas.add(delta);
        respond(exchange, 200, Frames.write(answer));
        threads.submit(() -> sendAiMessage(player, eventId));
    }

    private void sendAiMessage(Player player, String eventId) {
        String sk = "ai-msg#" + player.playerId() + "#" + eventId;
        String message = Frames.write(Frames.JSON.createObjectNode().put("type", "ai_message")
                .put("messageId", "m-" + eventId).put("messageType", "individual").put("content", "Nice work")
                .put("timestamp", Instant.now().toString()).put("sk", sk).put("sessionId", player.sessionId()));
        int copies = 1;
        if (fault != Fault.NONE && faultUsed.compareAndSet(false, true)) {
            copies = fault == Fault.LOSE_ONE_AI_MESSAGE ? 0 : 2;
        }
        for (Connection connection : joined(player.sessionId())) {
            if (connection.player.playerId().equals(player.playerId())) {
                for (int i = 0; i < copies; i++) {
                    connection.sendText(message);
                }
            }
        }
    }

    private List<Connection> joined(String sessionId) {
        return joinedBySession.getOrDefault(sessionId, List.of());
    }

    private void acceptSockets() {
        while (!sockets.isClosed()) {
            try {
                Socket socket = sockets.accept();
                threads.submit(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            Map<String, String> head = readHead(in);
            Player player = playerByToken.get(query(head.get(":path")).get("token"));
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            if (player == null) {
                out.write("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                return;
            }
            String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((head.get("sec-websocket-key") + WEBSOCKET_GUID).getBytes(StandardCharsets.UTF_8)));
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            Connection connection = new Connection(player, socket, out);
            try {
                readFrames(in, connection);
            } finally {
                joined(player.sessionId()).remove(connection);
            }
        } catch (Exception e) {
            // The peer went away; nothing to report in a fake.
        }
    }

    private void readFrames(DataInputStream in, Connection connection) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        while (true) {
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            long length = second & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] mask = new byte[4];
            in.readFully(mask);
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i % 4];
            }
            int opcode = first & 0x0F;
            if (opcode == 0x8) {
                connection.send(0x88, payload);
                return;
            }
            if (opcode == 0x9) {
                connection.send(0x8A, payload);
                continue;
            }
            message.write(payload);
            if ((first & 0x80) != 0) {
                onText(connection, message.toString(StandardCharsets.UTF_8));
                message.reset();
            }
        }
    }

    private void onText(Connection connection, String text) throws IOException {
        JsonNode frame = Frames.JSON.readTree(text);
        switch (frame.path("type").asText()) {
            case "join_session" -> {
                joinedBySession.computeIfAbsent(connection.player.sessionId(), s -> new CopyOnWriteArrayList<>())
                        .add(connection);
                connection.sendText(Frames.write(Frames.JSON.createObjectNode().put("type", "joined")
                        .put("sessionId", connection.player.sessionId())
                        .put("playerId", connection.player.playerId())));
            }
            case "ping" -> connection.sendText("{\"type\":\"pong\"}");
            case "ai_message_delivered" -> acknowledged.add(frame.path("sk").asText());
            default -> connection.sendText("{\"type\":\"error\",\"code\":\"UNKNOWN_TYPE\",\"message\":\"?\"}");
        }
    }

    private static Map<String, String> readHead(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (!bytes.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("handshake cut short");
            }
            bytes.write(next);
        }
        String[] lines = bytes.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> head = new HashMap<>();
        head.put(":path", lines[0].split(" ")[1]);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            head.put(lines[i].substring(0, colon).trim().toLowerCase(), lines[i].substring(colon + 1).trim());
        }
        return head;
    }

    private static Map<String, String> query(String path) {
        Map<String, String> parameters = new HashMap<>();
        int question = path.indexOf('?');
        if (question >= 0) {
            for (String pair : path.substring(question + 1).split("&")) {
                int equals = pair.indexOf('=');
                parameters.put(pair.substring(0, equals),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One accepted socket; writes are serialised because pushes come from HTTP threads. */
    private static final class Connection {
        final Player player;
        private final Socket socket;
        private final OutputStream out;

        Connection(Player player, Socket socket, OutputStream out) {
            this.player = player;
            this.socket = socket;
            this.out = out;
        }

        void sendText(String text) {
            try {
                send(0x81, text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                closeQuietly();
            }
        }

        synchronized void send(int firstByte, byte[] payload) throws IOException {
            out.write(firstByte);
            if (payload.length < 126) {
                out.write(payload.length);
            } else if (payload.length < 65_536) {
                out.write(126);
                out.write(payload.length >>> 8);
                out.write(payload.length & 0xFF);
            } else {
                out.write(127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    out.write((int) ((long) payload.length >>> shift) & 0xFF);
                }
            }
            out.write(payload);
            out.flush();
        }

        void closeQuietly() {
            try {
                socket.close();
            } catch (IOException e) {
                // Already gone.
            }
        }
    }
}
