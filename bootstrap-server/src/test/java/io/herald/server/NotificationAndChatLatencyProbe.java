package io.herald.server;

import com.sun.net.httpserver.HttpServer;
import io.herald.server.PlayerClient.Device;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Figures for issue 12 on a running server (embedded store), under the seed's load running alongside (10 sessions of
 * 5 players online, bursts of 100 NodeComplete events, one burst after another): a notification's send → its frame
 * on the player's device, and a character's reply as the player sees it with a model stub that answers at once (so
 * the figure is Herald's own time, not the model's). A measurement, not a test: it asserts nothing and runs only with
 * {@code -Dherald.benchmark=true} (see the README).
 */
@EnabledIfSystemProperty(named = "herald.benchmark", matches = "true")
class NotificationAndChatLatencyProbe {
    private static final String SERVICE_KEY = "probe-service-key";
    private static final int SAMPLES = 300;

    @Test
    void measure() throws Exception {
        HttpServer model = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        model.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = """
                    {"id":"c","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,
                     "message":{"role":"assistant","content":"Right away."},"finish_reason":"stop"}],
                     "usage":{"prompt_tokens":10,"completion_tokens":3,"total_tokens":13}}"""
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        model.start();
        try (HeraldServer server = FreshServer.start("probe", "herald.http.service-key", SERVICE_KEY, "herald.limits.enabled", false,
                "herald.openai.api-key", "probe-key",
                "herald.openai.base-url", "http://127.0.0.1:" + model.getAddress().getPort() + "/v1")) {
            String base = "http://127.0.0.1:" + server.port();
            PlayerClient ana = PlayerClient.register(base, "Ana", null);
            Device phone = ana.online();
            SeedLoad load = SeedLoad.start(base);

            long[] notification = new long[SAMPLES];
            for (int i = 0; i < SAMPLES + 20; i++) {
                long start = System.nanoTime();
                PlayerClient.post(base + "/api/notifications", SERVICE_KEY, "{\"sessionId\":\"" + ana.sessionId
                        + "\",\"playerId\":\"" + ana.playerId + "\",\"notificationType\":\"PROBE\",\"title\":\"t " + i
                        + "\",\"message\":\"m\"}");
                phone.await("notification");
                if (i >= 20) {
                    notification[i - 20] = System.nanoTime() - start;
                }
            }
            report("notification: POST sent -> frame on the device", notification);

            long[] chat = new long[SAMPLES / 5];
            for (int i = 0; i < chat.length + 5; i++) {
                Thread.sleep(1_000);
                long start = System.nanoTime();
                phone.send("{\"type\":\"text_message\",\"characterId\":\"sarah\",\"text\":\"line " + i + "\"}");
                phone.await("chat_message");
                if (i >= 5) {
                    chat[i - 5] = System.nanoTime() - start;
                }
            }
            report("chat: text_message sent -> chat_message (model stub answers at once)", chat);
            System.out.printf("BENCH background: %d seed bursts of 100 events ran meanwhile (%d events accepted)%n",
                    load.bursts(), load.accepted());
            load.stop();
        } finally {
            model.stop(0);
        }
    }

    private static void report(String what, long[] nanos) {
        Arrays.sort(nanos);
        System.out.printf("BENCH %-70s p50 %7.1f ms   p95 %7.1f ms   p99 %7.1f ms   (n=%d)%n", what,
                nanos[nanos.length / 2] / 1e6, nanos[(int) Math.ceil(nanos.length * 0.95) - 1] / 1e6,
                nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1e6, nanos.length);
    }

    /** The seed scenario's load, over and over: 10 teams of 5 online, bursts of 100 events, 20 in flight. */
    private static final class SeedLoad {
        private final java.util.List<PlayerClient> players = new java.util.ArrayList<>();
        private final java.util.List<Device> devices = new java.util.ArrayList<>();
        private final java.util.concurrent.atomic.AtomicInteger bursts = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
        private volatile boolean running = true;
        private Thread driver;

        static SeedLoad start(String base) {
            SeedLoad load = new SeedLoad();
            for (int team = 0; team < 10; team++) {
                PlayerClient first = PlayerClient.register(base, "Lead" + team, null);
                load.players.add(first);
                for (int i = 1; i < 5; i++) {
                    load.players.add(PlayerClient.register(base, "P" + team + "-" + i, first.teamCode));
                }
            }
            load.players.forEach(p -> load.devices.add(p.online()));
            load.driver = Thread.ofPlatform().daemon().start(load::drive);
            return load;
        }

        private void drive() {
            java.util.concurrent.ExecutorService inFlight = java.util.concurrent.Executors.newFixedThreadPool(20);
            int node = 0;
            while (running) {
                java.util.List<java.util.concurrent.Future<?>> burst = new java.util.ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    PlayerClient player = players.get(i % players.size());
                    String nodeId = "n-" + (node++);
                    burst.add(inFlight.submit(() -> {
                        if (player.event("NodeComplete", "nodeId", nodeId).status() == 200) {
                            accepted.incrementAndGet();
                        }
                    }));
                }
                for (java.util.concurrent.Future<?> f : burst) {
                    try {
                        f.get();
                    } catch (Exception e) {
                        // a failed post is the server's answer to load; the figure is about the probe's frames
                    }
                }
                bursts.incrementAndGet();
            }
            inFlight.shutdownNow();
        }

        int bursts() {
            return bursts.get();
        }

        int accepted() {
            return accepted.get();
        }

        void stop() {
            running = false;
        }
    }
}
