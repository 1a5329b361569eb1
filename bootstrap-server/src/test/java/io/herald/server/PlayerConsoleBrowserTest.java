package io.herald.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.application.port.MessageStore;
import io.herald.domain.Delivery;
import io.herald.domain.InboxKey;
import io.herald.domain.SessionId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The player console ({@code /console/}) in real headless Chromium: two players of one team register and join from
 * their pages, see the team's activity and AI messages (a broadcast apart from an individual one), mark them read by
 * each of seed 000's three rules, chat in a room, and get a message missed while a page was closed from catch-up. The
 * browser side is {@code src/test/js/console-scenario.mjs}; the server side is checked here. Screenshots of every step
 * are kept in {@code target/console-screenshots/}.
 */
class PlayerConsoleBrowserTest {
    private static final String SERVICE_KEY = "console-service-key-for-tests";
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("HERALD_CHROMIUM", "/usr/bin/chromium"));
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots").toAbsolutePath();
    private static HeraldServer server;
    private static String base;

    /** Why the scenario cannot run here (with how to install what is missing), or nothing when it can. */
    private static Optional<String> missing() {
        return NodeScript.nodeMissing()
                .or(() -> Files.isExecutable(CHROMIUM) ? Optional.empty() : Optional.of("Chromium is not at " + CHROMIUM
                        + ": install Debian's (apt-get update && apt-get install -y chromium) or set HERALD_CHROMIUM; "
                        + ".ci/run does this"))
                .or(() -> Files.isDirectory(NodeScript.SCRIPTS.resolve("node_modules/playwright-core")) ? Optional.empty()
                        : Optional.of("playwright-core is not installed: run 'npm ci' in bootstrap-server/src/test/js "
                                + "(never 'npx playwright install': the test drives Debian's Chromium); .ci/run does this"));
    }

    @BeforeAll
    static void start() {
        if (missing().isPresent()) {
            return;
        }
        clearOldScreenshots();
        server = FreshServer.start("console", "herald.http.service-key", SERVICE_KEY, "herald.messages.cooldown", "0s");
        base = "http://127.0.0.1:" + server.port();
    }

    @BeforeEach
    void everything_needed_is_installed() {
        NodeScript.require(missing());
    }

    private static void clearOldScreenshots() {
        try (Stream<Path> old = Files.exists(SCREENSHOTS) ? Files.list(SCREENSHOTS) : Stream.empty()) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void two_players_register_see_and_read_messages_chat_and_catch_up_after_a_closed_page() throws Exception {
        JsonNode registered;
        JsonNode joined;
        JsonNode individualRead;
        JsonNode broadcastRead;
        JsonNode caughtUp;
        try (NodeScript browser = NodeScript.start("console-scenario.mjs", Map.of("HERALD_BASE_URL", base,
                "HERALD_SERVICE_KEY", SERVICE_KEY, "HERALD_SCREENSHOTS", SCREENSHOTS.toString(),
                "HERALD_CHROMIUM", CHROMIUM.toString()))) {
            JsonNode end = browser.await(l -> l.has("step") && Stream.of("done", "failed").anyMatch(
                    s -> s.equals(l.get("step").asText())), "the end of the scenario", Duration.ofMinutes(3));
            assertThat(end.get("step").asText()).as("the scenario: %s", end).isEqualTo("done");
            assertThat(browser.exitCode(NodeScript.WAIT)).isZero();
            assertThat(browser.lines()).as("errors in the pages").noneMatch(l -> "page-error".equals(l.path("event").asText()));
            registered = step(browser, "registered");
            joined = step(browser, "joined");
            individualRead = step(browser, "individual-read");
            broadcastRead = step(browser, "broadcast-read");
            caughtUp = step(browser, "caught-up");
        }
        String session = registered.get("sessionId").asText();

        assertThat(joined.get("sessionId").asText()).isEqualTo(session);
        assertThat(delivery(session, individualRead.get("sk").asText())).isInstanceOf(Delivery.Read.class);
        assertThat(delivery(session, broadcastRead.get("anaSk").asText())).isInstanceOf(Delivery.Read.class);
        assertThat(delivery(session, broadcastRead.get("benSk").asText())).isInstanceOf(Delivery.Read.class);
        assertThat(delivery(session, caughtUp.get("sk").asText())).isInstanceOf(Delivery.Read.class);
        assertThat(broadcastRead.get("anaSk").asText()).startsWith("ai-msg#" + registered.get("playerId").asText());
        assertThat(broadcastRead.get("benSk").asText()).startsWith("ai-msg#" + joined.get("playerId").asText());
        for (JsonNode player : new JsonNode[] {registered, joined}) {
            assertThat(PlayerClient.get(base + "/runtime/messages/undelivered?sessionId=" + session + "&playerId="
                    + player.get("playerId").asText(), player.get("token").asText()).json().get("messages")).isEmpty();
        }
        try (Stream<Path> shots = Files.list(SCREENSHOTS)) {
            assertThat(shots.filter(p -> p.getFileName().toString().endsWith(".png"))).isNotEmpty();
        }
    }

    private static JsonNode step(NodeScript browser, String name) {
        return browser.lines().stream().filter(l -> name.equals(l.path("step").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + name + "\n" + browser));
    }

    /** Read marks reach the store shortly after the click; the wait is for that, not for speed. */
    private static Delivery delivery(String session, String sk) throws InterruptedException {
        MessageStore store = server.context().getBean(MessageStore.class);
        long deadline = System.nanoTime() + NodeScript.WAIT.toNanos();
        Delivery delivery = null;
        while (System.nanoTime() < deadline) {
            delivery = store.find(new SessionId(session), InboxKey.parse(sk), Instant.now()).map(m -> m.delivery()).orElse(null);
            if (delivery instanceof Delivery.Read) {
                return delivery;
            }
            Thread.sleep(50);
        }
        return delivery;
    }
}
