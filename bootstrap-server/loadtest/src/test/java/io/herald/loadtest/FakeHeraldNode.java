package io.herald.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in Herald node on loopback speaking the §5 wire protocol, HTTP and a minimal RFC 6455 server on one port
 * as the product does, so scenario tests drive the tool's real sockets without the product. Alone it is a whole
 * server; nodes of a {@link FakeCluster} share one {@link FakeHeraldState} and reach each other's sockets. Faults
 * make it lose or repeat a message, or make one node misbehave; {@link #kill()} stops it hard.
 */
final class FakeHeraldNode implements AutoCloseable {
    /** What the whole fake does wrong, once. */
    enum Fault {
        NONE, LOSE_ONE_AI_MESSAGE, DUPLICATE_ONE_AI_MESSAGE, LOSE_ONE_ROOM_COPY, DUPLICATE_ONE_ROOM_COPY,
        REPLAY_ONE_SHORT
    }

    /** What one node does wrong, for as long as it lives. */
    enum NodeFault {
        NONE,
        /** Answers events (and pushes their deltas) but never gets to their AI messages: a stuck event queue. */
        NEVER_ORCHESTRATES,
        /** Stores AI messages but never writes them to its own sockets: only catch-up can deliver them. */
        NEVER_PUSHES_AI_MESSAGES,
        /** Stores the AI messages it orchestrates but pushes them nowhere, as if killed between the two. */
        STORES_WITHOUT_PUSHING
    }

    private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final FakeHeraldState state;
    private final NodeFault nodeFault;
    private final ServerSocket listener;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<Socket> accepted = ConcurrentHashMap.newKeySet();
    private final Map<String, List<Connection>> joinedBySession = new ConcurrentHashMap<>();
    private final AtomicInteger joins = new AtomicInteger();
    private final AtomicInteger eventsAccepted = new AtomicInteger();
    private final InFlightGate events = new InFlightGate();
    private final AtomicBoolean killed = new AtomicBoolean();

    /** A whole server on its own, with a catch-up page of 100 like the product's. */
    FakeHeraldNode(Fault fault) throws IOException {
        this(new FakeHeraldState(fault, 100), NodeFault.NONE);
    }

    /** One node of {@code state}'s cluster. */
    FakeHeraldNode(FakeHeraldState state, NodeFault nodeFault) throws IOException {
        this.state = state;
        this.nodeFault = nodeFault;
        listener = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress());
        state.add(this);
        threads.submit(this::acceptSockets);
    }

    String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    String socketUrl() {
        return "ws://127.0.0.1:" + listener.getLocalPort() + "/ws";
    }

    Set<String> acknowledged() {
        return state.acknowledged();
    }

    /** How many join_session this node confirmed. */
    int joins() {
        return joins.get();
    }

    int eventsAccepted() {
        return eventsAccepted.get();
    }

    /** Holds the first {@code n} event POSTs until all of them have arrived, none answered yet. */
    void holdEventsUntilInFlight(int n) {
        events.holdUntil(n);
    }

    /** The most event POSTs this node ever had unanswered at once. */
    int mostEventsInFlight() {
        return events.most();
    }

    /** Whether what this node orchestrates is pushed once stored. */
    boolean pushesWhatItStores() {
        return nodeFault != NodeFault.STORES_WITHOUT_PUSHING;
    }

    /**
     * Stops the node as kill -9 would: no new connection is accepted, every open one is reset, and what it had
     * accepted but not yet orchestrated is never orchestrated. What it stored stays in the shared state.
     */
    void kill() {
        if (!killed.compareAndSet(false, true)) {
            return;
        }
        try {
            listener.close();
        } catch (IOException e) {
            // Closing is all that matters.
        }
        accepted.forEach(FakeHeraldNode::reset);
        joinedBySession.clear();
        // No interrupts: a virtual thread interrupted in a socket write closes that socket, which may be another
        // node's. Work already queued sees the node dead and does nothing.
        threads.shutdown();
    }

    /** Kills the node once {@code file} exists: how a test's kill command, run through a shell, reaches a fake. */
    void killWhenCreated(Path file) {
        Thread.ofVirtual().start(() -> {
            while (!killed.get() && !Files.exists(file)) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
            kill();
        });
    }

    @Override
    public void close() {
        kill();
    }

    void orchestrate(Runnable work) {
        if (killed.get() || nodeFault == NodeFault.NEVER_ORCHESTRATES) {
            return;
        }
        try {
            threads.submit(() -> {
                if (!killed.get()) {
                    work.run();
                }
            });
        } catch (RuntimeException e) {
            // Killed meanwhile: the work dies with the node.
        }
    }

    void pushToSession(String sessionId, String exceptPlayerId, String frame) {
        for (Connection connection : joined(sessionId)) {
            if (!connection.player.playerId().equals(exceptPlayerId)) {
                connection.sendText(frame);
            }
        }
    }

    void pushAiMessage(String sessionId, String playerId, String frame) {
        if (nodeFault == NodeFault.NEVER_PUSHES_AI_MESSAGES) {
            return;
        }
        for (Connection connection : joined(sessionId)) {
            if (connection.player.playerId().equals(playerId)) {
                connection.sendText(frame);
            }
        }
    }

    private List<Connection> joined(String sessionId) {
        return killed.get() ? List.of() : joinedBySession.getOrDefault(sessionId, List.of());
    }

    private void acceptSockets() {
        while (!listener.isClosed()) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                return;
            }
            accepted.add(socket);
            // A socket accepted while the node was being killed must die with it, not hang its client.
            if (killed.get()) {
                reset(socket);
                return;
            }
            try {
                threads.submit(() -> serve(socket));
            } catch (RejectedExecutionException e) {
                reset(socket);
                return;
            }
        }
    }

    /** Closes with a reset, as the kernel does for the sockets of a process killed with -9. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            // Already gone.
        }
    }

    /** HTTP/1.1 requests one after another on a kept-alive socket, until one asks to become a WebSocket. */
    private void serve(Socket socket) {
        try (socket) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            for (Map<String, String> head = readHead(in); head != null; head = readHead(in)) {
                if ("websocket".equalsIgnoreCase(head.get("upgrade"))) {
                    serveWebSocket(head, in, out, socket);
                    return;
                }
                int length = Integer.parseInt(head.getOrDefault("content-length", "0"));
                byte[] body = in.readNBytes(length);
                Response response = route(head, body);
                byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 " + response.status() + " " + (response.status() < 300 ? "OK" : "Refused")
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.write(bytes);
                out.flush();
            }
        } catch (Exception e) {
            // The peer went away, or the node was killed; nothing to report in a fake.
        } finally {
            accepted.remove(socket);
        }
    }

    private record Response(int status, String body) {}

    private Response route(Map<String, String> head, byte[] body) throws IOException, InterruptedException {
        String method = head.get(":method");
        String path = head.get(":path");
        String route = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if (route.startsWith("/api/rooms")) {
            return rooms(method, route, caller(head), body, query(path));
        }
        return switch (method + " " + route) {
            case "GET /health" -> new Response(200, "{\"status\":\"UP\"}");
            case "POST /api/teams" -> register(WireFrames.JSON.readTree(body));
            case "POST /runtime/events" -> heldEvent(caller(head), WireFrames.JSON.readTree(body));
            case "GET /runtime/messages/undelivered" -> undelivered(caller(head), query(path));
            default -> new Response(404, "{\"success\":false,\"code\":\"NOT_FOUND\",\"message\":\"" + route + "\"}");
        };
    }

    private Response register(JsonNode body) {
        FakeHeraldState.Player player = state.register(body.path("playerName").asText(),
                body.path("teamCode").asText(null));
        if (player == null) {
            return new Response(404, "{\"success\":false,\"code\":\"TEAM_NOT_FOUND\",\"message\":\"no such team\"}");
        }
        ObjectNode answer = WireFrames.JSON.createObjectNode().put("teamCode", player.teamCode());
        answer.putObject("session").put("sessionId", player.sessionId()).put("playerId", player.playerId())
                .put("playerName", player.name()).put("mode", body.path("mode").asText());
        answer.put("websocketUrl", state.advertisedSocketUrl()).put("token", player.token());
        return new Response(200, WireFrames.write(answer));
    }

    /** {@code POST /api/rooms}, {@code POST /api/rooms/{id}/join}, {@code GET /api/rooms/{id}/messages}. */
    private Response rooms(String method, String route, FakeHeraldState.Player player, byte[] body,
            Map<String, String> query) throws IOException {
        if (player == null) {
            return unauthorized();
        }
        String[] parts = route.split("/");
        if (method.equals("POST") && parts.length == 3) {
            int status = state.rooms().create(WireFrames.JSON.readTree(body).path("roomId").asText(), player);
            return new Response(status, "{}");
        }
        String roomId = URLDecoder.decode(parts[3], StandardCharsets.UTF_8);
        if (method.equals("POST") && parts.length == 5 && parts[4].equals("join")) {
            return new Response(state.rooms().join(roomId, player), "{\"roomId\":\"" + roomId
                    + "\",\"member\":true}");
        }
        if (method.equals("GET") && parts.length == 5 && parts[4].equals("messages")) {
            ObjectNode page = state.rooms().history(roomId, player,
                    Integer.parseInt(query.getOrDefault("limit", "50")),
                    query.containsKey("before") ? Long.valueOf(query.get("before")) : null);
            return page == null ? new Response(403, "{\"code\":\"not_a_member\"}") : new Response(200,
                    WireFrames.write(page));
        }
        return new Response(404, "{\"code\":\"NOT_FOUND\"}");
    }

    /** Leaves the gate before the answer is written, so no client can have its answer while it still counts. */
    private Response heldEvent(FakeHeraldState.Player player, JsonNode body) throws InterruptedException {
        events.enter();
        try {
            return event(player, body);
        } finally {
            events.leave();
        }
    }

    private Response event(FakeHeraldState.Player player, JsonNode body) {
        if (player == null || !player.playerId().equals(body.path("playerId").asText())) {
            return unauthorized();
        }
        String eventType = body.path("eventType").asText();
        String ref = body.path(eventType.equals("ObjectArrive") ? "objectId" : "nodeId").asText();
        eventsAccepted.incrementAndGet();
        return new Response(200, WireFrames.write(state.event(this, player, eventType, ref)));
    }

    private Response undelivered(FakeHeraldState.Player player, Map<String, String> query) {
        if (player == null || !player.playerId().equals(query.get("playerId"))
                || !player.sessionId().equals(query.get("sessionId"))) {
            return unauthorized();
        }
        return new Response(200, WireFrames.write(state.undelivered(player,
                Long.parseLong(query.getOrDefault("cursor", "0")))));
    }

    private FakeHeraldState.Player caller(Map<String, String> head) {
        String authorization = head.get("authorization");
        return authorization == null ? null : state.byToken(authorization.replace("Bearer ", ""));
    }

    private static Response unauthorized() {
        return new Response(401, "{\"success\":false,\"code\":\"UNAUTHORIZED\",\"message\":\"bad token\"}");
    }

    private void serveWebSocket(Map<String, String> head, DataInputStream in, OutputStream out, Socket socket)
            throws Exception {
        FakeHeraldState.Player player = state.byToken(query(head.get(":path")).get("token"));
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
            joinedBySession.getOrDefault(player.sessionId(), List.of()).remove(connection);
            state.rooms().unsubscribe(connection);
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
        JsonNode frame = WireFrames.JSON.readTree(text);
        switch (frame.path("type").asText()) {
            case "join_session" -> {
                joinedBySession.computeIfAbsent(connection.player.sessionId(), s -> new CopyOnWriteArrayList<>())
                        .add(connection);
                joins.incrementAndGet();
                connection.sendText(WireFrames.write(WireFrames.JSON.createObjectNode().put("type", "joined")
                        .put("sessionId", connection.player.sessionId())
                        .put("playerId", connection.player.playerId())));
            }
            case "ping" -> connection.sendText("{\"type\":\"pong\"}");
            case "ai_message_delivered" -> state.acknowledge(frame.path("sk").asText());
            case "room_subscribe" -> state.rooms().subscribe(connection.player, frame, connection,
                    connection::sendText);
            case "room_send" -> state.rooms().send(connection.player, frame, connection::sendText);
            default -> connection.sendText("{\"type\":\"error\",\"code\":\"UNKNOWN_TYPE\",\"message\":\"?\"}");
        }
    }

    /** The request line and headers (names in lower case), or null if the peer closed before sending another. */
    private static Map<String, String> readHead(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (!bytes.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                if (bytes.size() == 0) {
                    return null;
                }
                throw new IOException("request head cut short");
            }
            bytes.write(next);
        }
        String[] lines = bytes.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> head = new HashMap<>();
        String[] requestLine = lines[0].split(" ");
        head.put(":method", requestLine[0]);
        head.put(":path", requestLine[1]);
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

    /** One accepted WebSocket; writes are serialised because pushes come from many threads and nodes. */
    private static final class Connection {
        final FakeHeraldState.Player player;
        private final Socket socket;
        private final OutputStream out;

        Connection(FakeHeraldState.Player player, Socket socket, OutputStream out) {
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
