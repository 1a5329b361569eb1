package io.herald.server;

import com.sun.net.httpserver.HttpServer;
import io.herald.server.PlayerClient.Device;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Figures for issue 12 on a running server (embedded store): a notification's send → its frame on the player's
 * device, and a character's reply as the player sees it with a model stub that answers at once (so the figure is
 * Herald's own time, not the model's). A measurement, not a test: it asserts nothing and runs only with
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
        try (HeraldServer server = HeraldServer.start(new String[0], Map.of("micronaut.server.port", -1,
                "herald.data-dir", Files.createTempDirectory("herald-probe").toString(),
                "herald.http.service-key", SERVICE_KEY, "herald.limits.enabled", false,
                "herald.openai.api-key", "probe-key",
                "herald.openai.base-url", "http://127.0.0.1:" + model.getAddress().getPort() + "/v1"))) {
            String base = "http://127.0.0.1:" + server.port();
            PlayerClient ana = PlayerClient.register(base, "Ana", null);
            Device phone = ana.online();

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
}
