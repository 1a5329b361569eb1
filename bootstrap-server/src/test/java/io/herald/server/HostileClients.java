package io.herald.server;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two memory attacks of issue 10 against a running server, with the server's resident memory read from
 * {@code /proc/<pid>/status} before, during (the peak) and after. A measuring tool, not a test; JDK only.
 *
 * <pre>
 * java -cp bootstrap-server/target/test-classes io.herald.server.HostileClients deflate-bomb --url http://127.0.0.1:8080 --pid 1234
 * java -cp bootstrap-server/target/test-classes io.herald.server.HostileClients paused-readers --url http://127.0.0.1:8080 --pid 1234
 * </pre>
 * Options: {@code --sockets} (8 / 10), {@code --frames} (4, bomb), {@code --megabytes} (64, bomb), {@code --pushes}
 * (600, paused), {@code --reading true} (paused: the sockets read, for comparison), {@code --settle-seconds} (5).
 */
public final class HostileClients {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private HostileClients() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: HostileClients deflate-bomb|paused-readers --url URL --pid PID [options]");
            System.exit(2);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String url = options.getOrDefault("url", "http://127.0.0.1:8080");
        long pid = Long.parseLong(options.get("pid"));
        int settle = Integer.parseInt(options.getOrDefault("settle-seconds", "5"));
        switch (args[0]) {
            case "deflate-bomb" -> deflateBomb(url, pid, settle, Integer.parseInt(options.getOrDefault("sockets", "8")),
                    Integer.parseInt(options.getOrDefault("frames", "4")),
                    Integer.parseInt(options.getOrDefault("megabytes", "64")));
            case "paused-readers" -> pausedReaders(url, pid, settle, Integer.parseInt(options.getOrDefault("sockets", "10")),
                    Integer.parseInt(options.getOrDefault("pushes", "600")), Boolean.parseBoolean(options.get("reading")));
            default -> throw new IllegalArgumentException("unknown attack " + args[0]);
        }
    }

    /** Each socket offers permessage-deflate and sends {@code frames} text frames of {@code megabytes} MB deflated. */
    private static void deflateBomb(String url, long pid, int settle, int sockets, int frames, int megabytes) throws Exception {
        byte[] message = new byte[megabytes * 1_000_000];
        Arrays.fill(message, (byte) 'a');
        byte[] head = "{\"type\":\"ping\",\"pad\":\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, message, 0, head.length);
        message[message.length - 2] = '"';
        message[message.length - 1] = '}';
        byte[] bomb = RawSocket.deflated(message);
        System.out.printf("each frame: %,d bytes on the wire, %,d inflated%n", bomb.length, message.length);

        Player player = Player.register(url, null);
        warmUp(url, player);
        Rss rss = Rss.start(pid);
        List<Thread> attackers = new ArrayList<>();
        List<String> outcomes = Collections.synchronizedList(new ArrayList<>());
        for (int s = 0; s < sockets; s++) {
            attackers.add(Thread.ofPlatform().start(() -> {
                try (RawSocket socket = RawSocket.open(player.socketUrl(), 0, WAIT,
                        "Sec-WebSocket-Extensions: permessage-deflate; client_no_context_takeover")) {
                    boolean deflate = socket.handshake.containsKey("sec-websocket-extensions");
                    for (int f = 0; f < frames; f++) {
                        socket.send(true, true, RawSocket.TEXT, bomb);
                    }
                    outcomes.add((deflate ? "deflate accepted" : "deflate declined") + ", " + outcome(socket, frames));
                } catch (IOException e) {
                    outcomes.add("failed: " + e);
                }
            }));
        }
        for (Thread attacker : attackers) {
            attacker.join();
        }
        rss.settleAndReport(settle);
        outcomes.stream().sorted().distinct().forEach(o -> System.out.println("socket: " + o + " (x"
                + outcomes.stream().filter(o::equals).count() + ")"));
    }

    /** What the server did with the frames: answered each, or closed the socket (with which code). */
    private static String outcome(RawSocket socket, int frames) throws IOException {
        int answers = 0;
        while (answers < frames) {
            RawSocket.Frame frame;
            try {
                frame = socket.read();
            } catch (SocketTimeoutException silent) {
                return "no answer within " + WAIT.toSeconds() + " s after " + answers + " answers";
            } catch (IOException ended) {
                return "ended without a close frame after " + answers + " answers";
            }
            if (frame.opcode() == RawSocket.CLOSE) {
                return "closed with " + frame.closeCode() + " after " + answers + " answers";
            }
            answers++;
        }
        return "answered " + answers + " frames, still open";
    }

    /**
     * Sockets join as one player and never read; another player's events push 63 KB of deltas to each, many times.
     * With {@code reading} the sockets read everything instead: the same work done for well-behaved clients.
     */
    private static void pausedReaders(String url, long pid, int settle, int sockets, int pushes, boolean reading)
            throws Exception {
        Player stalled = Player.register(url, null);
        Player pusher = Player.register(url, stalled.teamCode);
        String deltas = bulkyDeltas();
        warmUp(url, Player.register(url, null));
        List<RawSocket> paused = new ArrayList<>();
        for (int s = 0; s < sockets; s++) {
            RawSocket socket = RawSocket.open(stalled.socketUrl(), 8_192, WAIT);
            socket.sendText("{\"type\":\"join_session\",\"sessionId\":\"" + stalled.sessionId + "\",\"playerId\":\""
                    + stalled.playerId + "\"}");
            socket.awaitText("\"joined\"");
            paused.add(socket);
            if (reading) {
                Thread.ofPlatform().daemon().start(() -> {
                    try {
                        socket.endsAfterDraining();
                    } catch (IOException closedByTheTool) {
                        // the tool closed it
                    }
                });
            }
        }
        Rss rss = Rss.start(pid);
        long started = System.nanoTime();
        for (int i = 0; i < pushes; i++) {
            pusher.postEvent("PeriodicCheck", deltas);
        }
        System.out.printf("%d pushes of %,d bytes of deltas in %d ms%n", pushes, deltas.length(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        rss.settleAndReport(settle);
        if (reading) {
            for (RawSocket socket : paused) {
                socket.close();
            }
            return;
        }
        int ended = 0;
        for (RawSocket socket : paused) {
            try {
                socket.readTimeout(Duration.ofSeconds(2));
                socket.endsAfterDraining();
                ended++;
            } catch (IOException stillOpen) {
                // the read timed out: the server still holds the connection
            }
            socket.close();
        }
        System.out.printf("sockets the server had closed: %d of %d%n", ended, sockets);
    }

    /** The same kind of work, done by a well-behaved client, so the baseline is a warm server. */
    private static void warmUp(String url, Player player) throws Exception {
        String deltas = bulkyDeltas();
        Player other = Player.register(url, player.teamCode);
        try (RawSocket reader = RawSocket.open(player.socketUrl(), 0, WAIT)) {
            reader.sendText("{\"type\":\"join_session\",\"sessionId\":\"" + player.sessionId + "\",\"playerId\":\""
                    + player.playerId + "\"}");
            reader.awaitText("\"joined\"");
            for (int i = 0; i < 50; i++) {
                other.postEvent("PeriodicCheck", deltas);
                reader.awaitText("runtime_delta");
                reader.sendText("{\"type\":\"ping\"}");
                reader.awaitText("\"pong\"");
            }
        }
    }

    private static String bulkyDeltas() {
        StringBuilder deltas = new StringBuilder("[");
        String text = "x".repeat(250);
        for (int i = 0; i < 30; i++) {
            deltas.append(i == 0 ? "" : ",").append("{\"type\":\"NODE_UNLOCKED\"");
            for (int f = 0; f < 8; f++) {
                deltas.append(",\"f").append(f).append("\":\"").append(text).append('"');
            }
            deltas.append('}');
        }
        return deltas.append(']').toString();
    }

    /** A registered player: what the tool needs from the registration answer, read without a JSON library. */
    private record Player(String url, String teamCode, String sessionId, String playerId, String token) {
        static Player register(String url, String teamCode) throws Exception {
            String body = "{\"playerName\":\"Mallory\",\"mode\":\"team\"" + (teamCode == null ? "" : ",\"teamCode\":\""
                    + teamCode + "\"") + "}";
            String answer = post(url + "/api/teams", null, body);
            return new Player(url, field(answer, "teamCode"), field(answer, "sessionId"), field(answer, "playerId"),
                    field(answer, "token"));
        }

        String socketUrl() {
            return url.replaceFirst("^http", "ws") + "/ws?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        }

        void postEvent(String type, String deltas) throws Exception {
            post(url + "/runtime/events", token, "{\"sessionId\":\"" + sessionId + "\",\"playerId\":\"" + playerId
                    + "\",\"eventType\":\"" + type + "\",\"deltas\":" + deltas + "}");
        }

        private static String post(String url, String bearer, String body) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(WAIT)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }

        private static String field(String json, String name) {
            Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
            if (!matcher.find()) {
                throw new IllegalStateException("no " + name + " in " + json);
            }
            return matcher.group(1);
        }
    }

    /** The server's resident set, sampled every 50 ms from the start of the attack until it has settled. */
    private static final class Rss {
        private final Path status;
        private final long before;
        private final AtomicLong peak = new AtomicLong();
        private final Thread sampler;

        private Rss(long pid) throws IOException {
            this.status = Path.of("/proc", Long.toString(pid), "status");
            this.before = read();
            this.peak.set(before);
            this.sampler = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        peak.accumulateAndGet(read(), Math::max);
                        Thread.sleep(50);
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            });
        }

        static Rss start(long pid) throws IOException {
            return new Rss(pid);
        }

        private long read() throws IOException {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
            throw new IOException("no VmRSS in " + status);
        }

        void settleAndReport(int seconds) throws Exception {
            Thread.sleep(Duration.ofSeconds(seconds));
            sampler.interrupt();
            sampler.join();
            long after = read();
            System.out.printf("RSS before %,d MiB, peak %,d MiB, after %ds %,d MiB: growth at peak %,d MiB, after %,d MiB%n",
                    mib(before), mib(peak.get()), seconds, mib(after), mib(peak.get() - before), mib(after - before));
        }

        private static long mib(long bytes) {
            return bytes / (1024 * 1024);
        }
    }
}
