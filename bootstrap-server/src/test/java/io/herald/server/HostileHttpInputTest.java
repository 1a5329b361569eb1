package io.herald.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.herald.server.HttpProbe.Reply;
import io.herald.server.PlayerClient.Device;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What hostile HTTP input gets from a running server, over real sockets: a 4xx with a stable code and the field at
 * fault, never a 5xx or a "retry", no stack trace in the log, and deltas that speak only for their sender.
 */
class HostileHttpInputTest {
    private static final Duration QUIET = Duration.ofMillis(700);
    private static HeraldServer server;
    private static String base;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private PlayerClient ana;
    private PlayerClient ben;

    @BeforeAll
    static void start() throws Exception {
        server = FreshServer.start("hostile-http", "herald.limits.enabled", false);
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
    void the_log_holds_no_error_and_no_stack_trace() {
        root.detachAppender(log);
        assertThat(log.list).noneMatch(line -> line.getLevel() == Level.ERROR);
        assertThat(log.list).noneMatch(line -> line.getThrowableProxy() != null && line.getLevel().isGreaterOrEqual(Level.WARN));
    }

    private Reply event(PlayerClient caller, String body) {
        return HttpProbe.post(base + "/runtime/events", caller == null ? null : caller.token, body);
    }

    private String nodeComplete(PlayerClient player, String deltas) {
        return "{\"sessionId\":\"" + player.sessionId + "\",\"playerId\":\"" + player.playerId
                + "\",\"eventType\":\"NodeComplete\",\"nodeId\":\"node-" + System.nanoTime() + "\""
                + (deltas == null ? "" : ",\"deltas\":" + deltas) + "}";
    }

    @Test
    void an_empty_body_is_a_400_for_registration_and_a_401_before_a_400_for_events() {
        assertThat(HttpProbe.post(base + "/api/teams", null, "")).satisfies(reply -> {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.code()).isEqualTo("invalid_json");
        });
        assertThat(event(null, "").status()).isEqualTo(401);
        assertThat(event(ana, "")).satisfies(reply -> {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.code()).isEqualTo("invalid_json");
        });
    }

    @Test
    void a_query_that_is_not_percent_encoding_is_a_400_naming_the_parameter_with_or_without_credentials() {
        String query = "/runtime/messages/undelivered?sessionId=" + ana.sessionId + "&playerId=" + ana.playerId + "&cursor=%%%%";

        Reply withToken = HttpProbe.raw(server.port(), HttpProbe.request("GET " + query + " HTTP/1.1", "",
                "Authorization: Bearer " + ana.token));
        Reply anonymous = HttpProbe.raw(server.port(), HttpProbe.request("GET " + query + " HTTP/1.1", ""));
        Reply registration = HttpProbe.raw(server.port(), HttpProbe.request("POST /api/teams?x=%%%% HTTP/1.1", "{}",
                "Content-Type: application/json", "Content-Length: 2"));

        for (Reply reply : List.of(withToken, anonymous)) {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.code()).isEqualTo("invalid_uri");
            assertThat(reply.json().get("field").asText()).isEqualTo("cursor");
        }
        assertThat(registration.status()).isEqualTo(400);
        assertThat(registration.json().get("field").asText()).isEqualTo("x");
    }

    @Test
    void a_body_larger_than_the_server_takes_is_a_413_and_an_unknown_charset_a_415() {
        Reply tooLarge = HttpProbe.raw(server.port(), HttpProbe.request("POST /api/teams HTTP/1.1", "{}",
                "Content-Type: application/json", "Content-Length: 2000000"));
        Reply charset = HttpProbe.raw(server.port(), HttpProbe.request("POST /api/teams HTTP/1.1", "{}",
                "Content-Type: application/json; charset=bogus", "Content-Length: 2"));

        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.code()).isEqualTo("body_too_large");
        assertThat(charset.status()).isEqualTo(415);
        assertThat(charset.code()).isEqualTo("unsupported_media_type");
    }

    @Test
    void an_invalid_node_id_is_reported_under_node_id() {
        Reply reply = event(ana, "{\"sessionId\":\"" + ana.sessionId + "\",\"playerId\":\"" + ana.playerId
                + "\",\"eventType\":\"NodeComplete\",\"nodeId\":\"a#b\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("invalid_field");
        assertThat(reply.json().get("field").asText()).isEqualTo("nodeId");
    }

    @Test
    void a_delta_naming_another_player_is_a_403_and_reaches_nobody() {
        Device benPhone = ben.online();

        Reply reply = event(ana, nodeComplete(ana, "[{\"type\":\"NODE_COMPLETED\",\"playerId\":\"" + ben.playerId + "\"}]"));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.code()).isEqualTo("delta_player_mismatch");
        assertThat(reply.json().get("field").asText()).isEqualTo("deltas[0].playerId");
        assertThat(benPhone.drain("runtime_delta", QUIET)).isEmpty();
    }

    @Test
    void a_delta_reaches_the_others_as_its_senders_with_the_servers_time() {
        Device benPhone = ben.online();

        Reply reply = event(ana, nodeComplete(ana, "[{\"type\":\"NODE_COMPLETED\",\"nodeId\":\"n\","
                + "\"timestamp\":\"1999-12-31T23:59:59Z\",\"steps\":9223372036854775807}]"));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode delta = benPhone.await("runtime_delta").at("/deltas/0");
        assertThat(delta.get("playerId").asText()).isEqualTo(ana.playerId);
        assertThat(delta.get("timestamp").asText()).doesNotStartWith("1999")
                .isEqualTo(reply.json().at("/deltas/0/timestamp").asText());
        assertThat(delta.get("steps").asLong()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void a_number_that_would_change_on_the_way_is_a_400_naming_its_field() {
        for (String number : List.of("1e400", "18446744073709551617")) {
            Reply reply = event(ana, nodeComplete(ana, "[{\"type\":\"CONSENSUS_UPDATED\",\"total\":" + number + "}]"));

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.code()).isEqualTo("invalid_number");
            assertThat(reply.json().get("field").asText()).isEqualTo("deltas[0].total");
        }
    }

    @Test
    void a_state_update_with_a_number_past_a_double_gets_an_error_frame_and_the_socket_stays_open() {
        Device anaPhone = ana.online();

        anaPhone.send("{\"type\":\"player_state_update\",\"ref\":\"s1\",\"state\":{\"lat\":1e400}}");
        anaPhone.send("{\"type\":\"player_state_update\",\"ref\":\"s2\",\"state\":{\"steps\":9223372036854775808}}");

        JsonNode first = anaPhone.await("error");
        JsonNode second = anaPhone.await("error");
        assertThat(first.get("code").asText()).isEqualTo("invalid_number");
        assertThat(first.get("message").asText()).contains("state.lat");
        assertThat(second.get("code").asText()).isEqualTo("invalid_number");
        assertThat(second.get("ref").asText()).isEqualTo("s2");
        anaPhone.send("{\"type\":\"ping\"}");
        assertThat(anaPhone.await("pong")).isNotNull();
    }
}
