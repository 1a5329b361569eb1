package io.herald.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.server.HttpProbe.Reply;
import io.herald.server.PlayerClient.Device;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP limits of a running server set low, behind a proxy that names the client in {@code X-Forwarded-For} (each
 * test is its own address): past a limit the answer is 429 with {@code Retry-After}, and the refused request changed
 * nothing.
 */
class RateLimitsEndToEndTest {
    private static final Duration QUIET = Duration.ofMillis(700);
    private static HeraldServer server;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        server = FreshServer.start("limits", "herald.limits.client-address-header", "X-Forwarded-For",
                "herald.limits.registrations-per-minute", 3, "herald.limits.registration-burst", 3,
                "herald.limits.wrong-team-codes-per-minute", 2, "herald.limits.events-per-second", 1);
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Reply register(String address, String body) {
        return HttpProbe.post(base + "/api/teams", null, body, "X-Forwarded-For", address);
    }

    private static Reply newTeam(String address) {
        return register(address, "{\"playerName\":\"Zed\",\"mode\":\"team\"}");
    }

    private static Reply join(String address, String code) {
        return register(address, "{\"playerName\":\"Zed\",\"teamCode\":\"" + code + "\"}");
    }

    private static int rosterSize(PlayerClient player) {
        return PlayerClient.get(base + "/api/runtime/session/" + player.sessionId, player.token).json().get("players").size();
    }

    @Test
    void registrations_past_the_limit_of_an_address_are_429_with_retry_after_and_another_address_is_not_slowed() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(newTeam("198.51.100.1").status());
        }

        Reply refused = newTeam("198.51.100.1");

        assertThat(statuses).containsOnly(200);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("rate_limited");
        assertThat(refused.header("Retry-After"))
                .hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 20));
        assertThat(newTeam("198.51.100.2").status()).isEqualTo(200);
    }

    @Test
    void wrong_team_codes_past_the_limit_are_429_and_the_team_is_not_joined_even_with_the_right_code() {
        PlayerClient ana = PlayerClient.register(base, "Ana", null);
        String address = "198.51.100.10";

        assertThat(join(address, "ZZZZZZ").code()).isEqualTo("unknown_team");
        assertThat(join(address, "YYYYYY").code()).isEqualTo("unknown_team");
        Reply guessed = join(address, ana.teamCode);

        assertThat(guessed.status()).isEqualTo(429);
        assertThat(guessed.code()).isEqualTo("rate_limited");
        assertThat(guessed.header("Retry-After")).isPresent();
        assertThat(rosterSize(ana)).isEqualTo(1);
        assertThat(join("198.51.100.11", ana.teamCode).status()).isEqualTo(200);
        assertThat(rosterSize(ana)).isEqualTo(2);
    }

    @Test
    void events_past_a_players_limit_are_429_and_their_deltas_reach_nobody() {
        PlayerClient ana = PlayerClient.register(base, "Ana", null);
        PlayerClient ben = PlayerClient.register(base, "Ben", ana.teamCode);
        Device benPhone = ben.online();
        List<String> accepted = new ArrayList<>();
        Reply refused = null;

        // One event a second is allowed: among a few sent back to back, one is refused.
        for (int i = 0; i < 20 && refused == null; i++) {
            Reply reply = HttpProbe.post(base + "/runtime/events", ana.token, PlayerClient.JSON.createObjectNode()
                    .put("sessionId", ana.sessionId).put("playerId", ana.playerId).put("eventType", "NodeComplete")
                    .put("nodeId", "node-" + i).toString());
            if (reply.status() == 200) {
                accepted.add("node-" + i);
            } else {
                refused = reply;
            }
        }

        assertThat(refused).isNotNull();
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("rate_limited");
        assertThat(refused.header("Retry-After")).contains("1");
        assertThat(benPhone.drain("runtime_delta", QUIET)).extracting(frame -> frame.at("/deltas/0/nodeId").asText())
                .containsExactlyElementsOf(accepted);
        assertThat(ben.event("NodeComplete", "nodeId", "node-b").status()).isEqualTo(200);
    }
}
