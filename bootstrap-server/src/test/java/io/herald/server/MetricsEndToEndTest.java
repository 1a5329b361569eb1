package io.herald.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.server.PlayerClient.Device;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A scrape of {@code /metrics} after real players did real things shows exactly those things counted. */
class MetricsEndToEndTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static HeraldServer server;
    private static String base;

    /** A server per test, so that every count a test reads is its own. */
    @BeforeEach
    void start() {
        server = FreshServer.start("metrics", "herald.messages.cooldown", "300s");
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static String scrape() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            return response.body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The value of the sample named so with every one of the labels given ({@code key="value"}), if scraped. */
    static OptionalDouble sample(String scrape, String name, String... labels) {
        return scrape.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
    }

    /** Scrapes until the sample satisfies the check: counts are written after the push a client sees. */
    static String scrapeUntil(String name, DoublePredicate check, String... labels) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String scrape = scrape();
        while (!(sample(scrape, name, labels).isPresent() && check.test(sample(scrape, name, labels).getAsDouble()))
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            scrape = scrape();
        }
        return scrape;
    }

    @Test
    void a_message_a_cooldown_hold_and_a_catch_up_are_counted_and_the_delivery_latency_has_its_p95() {
        PlayerClient ana = PlayerClient.register(base, "Ana", null);
        PlayerClient.register(base, "Ben", ana.teamCode);
        Device anaPhone = ana.online();

        assertThat(ana.event("NodeComplete", "nodeId", "node-1").status()).isEqualTo(200);
        anaPhone.await("ai_message");
        assertThat(ana.event("NodeComplete", "nodeId", "node-2").status()).isEqualTo(200);
        assertThat(ana.undelivered().status()).isEqualTo(200);

        String scrape = scrapeUntil("herald_cooldown_holds_total", v -> v == 1);
        assertThat(sample(scrape, "herald_events_orchestrated_total", "outcome=\"sent\"", "text=\"composed\""))
                .hasValue(1);
        assertThat(sample(scrape, "herald_events_orchestrated_total", "outcome=\"cooling_down\"")).hasValue(1);
        assertThat(sample(scrape, "herald_cooldown_holds_total")).hasValue(1);
        assertThat(sample(scrape, "herald_push_total", "kind=\"ai_message\"", "result=\"sent\"")).hasValue(1);
        assertThat(sample(scrape, "herald_delivery_online_seconds_count", "type=\"individual\"")).hasValue(1);
        // A histogram, so p95 is histogram_quantile(0.95, …) over every node's buckets together.
        assertThat(sample(scrape, "herald_delivery_online_seconds_bucket", "type=\"individual\"", "le=\"+Inf\""))
                .hasValue(1);
        assertThat(sample(scrape, "herald_delivery_online_seconds_bucket", "type=\"individual\"", "le=\"0.05\""))
                .isPresent();
        assertThat(sample(scrape, "herald_catchup_seconds_count")).hasValue(1);
        assertThat(sample(scrape, "herald_connections_open")).hasValue(1);
        assertThat(sample(scrape, "herald_events_queue_depth")).hasValue(0);
        assertThat(sample(scrape, "http_server_requests_seconds_count", "uri=\"/runtime/events\"", "status=\"200\""))
                .hasValue(2);
    }

    @Test
    void frames_are_counted_by_type_and_refusals_on_both_channels_by_their_stable_code() {
        PlayerClient cal = PlayerClient.register(base, "Cal", null);
        Device calPhone = cal.online();
        calPhone.send("{\"type\":\"warp_drive\"}");
        calPhone.await("error");
        assertThat(PlayerClient.post(base + "/runtime/events", cal.token, "{\"sessionId\":1}").status()).isEqualTo(400);

        String scrape = scrapeUntil("herald_refusals_total", v -> v >= 1, "channel=\"websocket\"",
                "code=\"unknown_type\"");
        assertThat(sample(scrape, "herald_frames_in_total", "type=\"join_session\"")).isPresent();
        assertThat(sample(scrape, "herald_frames_in_total", "type=\"invalid\"")).hasValue(1);
        assertThat(sample(scrape, "herald_refusals_total", "channel=\"websocket\"", "code=\"unknown_type\""))
                .hasValue(1);
        assertThat(scrape.lines().filter(l -> l.startsWith("herald_refusals_total{") && l.contains("channel=\"http\""))
                .toList()).isNotEmpty();
    }
}
