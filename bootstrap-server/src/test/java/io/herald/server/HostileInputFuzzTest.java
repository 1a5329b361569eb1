package io.herald.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.herald.server.HttpProbe.Reply;
import io.herald.server.PlayerClient.Device;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A bounded fuzz run against a started server over real sockets: random bodies, queries and frames, some nearly right
 * and most not. No answer is a 5xx, every refusal has a stable code, the log stays free of errors, and a device's
 * socket survives whatever it sent. The run is seeded ({@code -Dherald.fuzz.seed=…} replays another one).
 */
class HostileInputFuzzTest {
    private static final long SEED = Long.getLong("herald.fuzz.seed", 20260109L);
    private static final int REQUESTS = 300;
    private static final int FRAMES = 100;
    private static final List<String> ODD_NUMBERS = List.of("1e400", "-1e400", "1e-400", "9223372036854775808",
            "-9223372036854775809", "18446744073709551617", "1.7976931348623157E308", "4.9E-324", "-0", "0.5",
            "9223372036854775807", "NaN", "01", "1" + "0".repeat(1100));
    private static final List<String> KEYS = List.of("sessionId", "playerId", "eventType", "nodeId", "objectId",
            "puzzleId", "correct", "attempt", "deltas", "type", "timestamp", "playerName", "mode", "teamCode", "state",
            "sk", "ref");
    private static final List<String> NAMES = List.of("NodeComplete", "ObjectArrive", "PuzzleSubmit", "Milestone",
            "PeriodicCheck", "NODE_COMPLETED", "CONSENSUS_UPDATED", "team", "solo", "join_session", "ai_message_read",
            "player_state_update", "ping");
    private static HeraldServer server;
    private static String base;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private PlayerClient ana;
    private PlayerClient ben;

    @BeforeAll
    static void start() throws Exception {
        server = FreshServer.start("fuzz", "herald.limits.enabled", false,
                "herald.http.service-key", "fuzz-service-key");
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void a_team_of_two_and_an_ear_on_the_log() {
        ana = PlayerClient.register(base, "Ana", null);
        ben = PlayerClient.register(base, "Ben", ana.teamCode);
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void the_log_holds_no_error() {
        root.detachAppender(log);
        assertThat(log.list).noneMatch(line -> line.getLevel() == Level.ERROR);
    }

    /** Any UTF-16 text, control characters and lone surrogates included. */
    private static String text(Random random, int max) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(max + 1); i > 0; i--) {
            text.append(switch (random.nextInt(5)) {
                case 0 -> (char) random.nextInt(0x20);
                case 1, 2 -> (char) (0x20 + random.nextInt(0x5f));
                case 3 -> (char) (0xd800 + random.nextInt(0x800));
                default -> (char) random.nextInt(0x10000);
            });
        }
        return text.toString();
    }

    private static String quote(String text) {
        return PlayerClient.JSON.getNodeFactory().textNode(text).toString();
    }

    private String scalar(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> String.valueOf(random.nextLong());
            case 1 -> String.valueOf(Double.longBitsToDouble(random.nextLong())).replace("Infinity", "1e999").replace("NaN", "0");
            case 2 -> ODD_NUMBERS.get(random.nextInt(ODD_NUMBERS.size()));
            case 3 -> quote(text(random, 30));
            case 4 -> quote(List.of(ana.sessionId, ana.playerId, ben.playerId, "s#1", "").get(random.nextInt(5)));
            case 5 -> quote(NAMES.get(random.nextInt(NAMES.size())));
            default -> List.of("true", "false", "null").get(random.nextInt(3));
        };
    }

    private String value(Random random, int depth) {
        if (depth == 0 || random.nextInt(3) > 0) {
            return scalar(random);
        }
        if (random.nextBoolean()) {
            StringBuilder array = new StringBuilder("[");
            for (int i = random.nextInt(4); i > 0; i--) {
                array.append(value(random, depth - 1)).append(i > 1 ? "," : "");
            }
            return array.append("]").toString();
        }
        return object(random, depth - 1);
    }

    private String object(Random random, int depth) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = random.nextInt(9); i > 0; i--) {
            String key = random.nextInt(5) > 0 ? KEYS.get(random.nextInt(KEYS.size())) : text(random, 8);
            fields.putIfAbsent(key, value(random, depth));
        }
        return fields.entrySet().stream().map(field -> quote(field.getKey()) + ":" + field.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** Ana's event, right but for its deltas now and then: a foreign player, an odd number, a client clock. */
    private String plausibleEvent(Random random) {
        StringBuilder deltas = new StringBuilder("[");
        for (int i = random.nextInt(4); i > 0; i--) {
            String type = List.of("NODE_COMPLETED", "CONSENSUS_UPDATED", "ACTION_FAIL").get(random.nextInt(3));
            deltas.append("{\"type\":\"").append(type)
                    .append("\"").append(random.nextInt(4) == 0 ? ",\"playerId\":\"" + ben.playerId + "\"" : "")
                    .append(random.nextInt(3) == 0 ? ",\"timestamp\":\"1999-01-01T00:00:00Z\"" : "")
                    .append(",\"v\":").append(random.nextInt(4) == 0 ? scalar(random) : String.valueOf(random.nextInt()))
                    .append("}").append(i > 1 ? "," : "");
        }
        return "{\"sessionId\":\"" + ana.sessionId + "\",\"playerId\":\"" + ana.playerId + "\",\"eventType\":\""
                + List.of("NodeComplete", "ObjectArrive", "PuzzleSubmit", "Milestone", "PeriodicCheck").get(random.nextInt(5))
                + "\",\"nodeId\":\"n" + random.nextInt(100) + "\",\"objectId\":\"o" + random.nextInt(100)
                + "\",\"puzzleId\":\"q\",\"deltas\":" + deltas.append("]") + "}";
    }

    /** A body: mostly objects with the fields requests have, else nesting past any limit, broken JSON or noise. */
    private String body(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> text(random, 200);
            case 1 -> "[".repeat(1 + random.nextInt(2000));
            case 2 -> "{\"deltas\":" + "[".repeat(1 + random.nextInt(2000)) + "]".repeat(random.nextInt(2000)) + "}";
            case 3 -> {
                String json = object(random, 3);
                yield json.substring(0, random.nextInt(json.length() + 1));
            }
            default -> object(random, 3);
        };
    }

    private String bearer(Random random) {
        return List.of("", "forged", ana.token, ben.token, "fuzz-service-key").get(random.nextInt(5));
    }

    private Reply request(Random random) {
        String bearer = bearer(random);
        String auth = bearer.isEmpty() ? null : bearer;
        String encoded = URLEncoder.encode(text(random, 20), StandardCharsets.UTF_8);
        return switch (random.nextInt(6)) {
            case 0 -> HttpProbe.post(base + "/runtime/events", random.nextBoolean() ? ana.token : auth, plausibleEvent(random));
            case 1 -> HttpProbe.post(base + "/runtime/events", auth, body(random));
            case 2 -> HttpProbe.post(base + "/api/teams", null, body(random));
            case 3 -> HttpProbe.raw(server.port(), HttpProbe.request("GET /runtime/messages/undelivered?sessionId="
                    + ana.sessionId + "&playerId=" + ana.playerId + "&cursor=" + (random.nextBoolean() ? encoded : "%" + encoded)
                    + "&limit=" + scalar(random).replaceAll("[^0-9-]", "") + " HTTP/1.1", "",
                    auth == null ? "X-Nothing: 1" : "Authorization: Bearer " + auth));
            default -> HttpProbe.raw(server.port(), HttpProbe.request("GET /api/runtime/session/"
                    + (random.nextBoolean() ? encoded : "%" + encoded) + " HTTP/1.1", "",
                    auth == null ? "X-Nothing: 1" : "Authorization: Bearer " + auth));
        };
    }

    private static <T> void fuzz(int tries, Function<Random, T> input, Consumer<T> check) {
        for (int i = 0; i < tries; i++) {
            Random random = new Random(SEED * 1_000_003L + i * 0x9E3779B97F4A7C15L);
            T value = input.apply(random);
            try {
                check.accept(value);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("fails for try " + i + " of seed " + SEED + ": " + value, e);
            }
        }
    }

    @Test
    void no_request_is_answered_with_a_5xx_and_every_refusal_has_a_stable_code() {
        Set<Integer> statuses = new TreeSet<>();
        fuzz(REQUESTS, this::request, reply -> {
            statuses.add(reply.status());
            assertThat(reply.status()).isBetween(200, 499);
            JsonNode body = reply.json();
            assertThat(body.path("success").asBoolean()).isEqualTo(reply.status() == 200);
            if (reply.status() != 200) {
                assertThat(body.path("code").asText()).matches("[a-z_]+");
                assertThat(body.path("message").asText()).isNotBlank();
            }
        });
        // The run means something only if it reached the use cases as well as every kind of refusal.
        assertThat(statuses).contains(200, 400, 401, 403);
    }

    /** Only text a WebSocket can carry: lone surrogates are not UTF-8, and a client library will not send them. */
    private String frame(Random random) {
        String frame = random.nextInt(4) == 0 ? body(random)
                : "{\"type\":" + quote(NAMES.get(random.nextInt(NAMES.size()))) + "," + object(random, 2).substring(1);
        return frame.replaceAll("[\\ud800-\\udfff]", "?");
    }

    @Test
    void a_device_that_sends_anything_is_answered_with_frames_and_keeps_its_socket() {
        Device anaPhone = ana.online();

        fuzz(FRAMES, this::frame, frame -> {
            anaPhone.send(frame);
            anaPhone.send("{\"type\":\"ping\"}");
            assertThat(anaPhone.await("pong")).isNotNull();
            assertThat(anaPhone.closed).isNotDone();
        });
        assertThat(anaPhone.drain("error", Duration.ofMillis(300))).allSatisfy(error ->
                assertThat(error.path("code").asText()).matches("[a-z_]+"));
    }
}
