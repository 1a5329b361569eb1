package io.herald.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.server.PlayerClient.Device;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Push-to-talk (seed 004) between real clients: relayed to the teammates' devices, bounded, ended on hang-up. */
class VoiceEndToEndTest {
    private static final Duration QUIET = Duration.ofMillis(500);
    private static HeraldServer server;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        server = FreshServer.start("voice");
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String frame(String type) {
        return "{\"type\":\"" + type + "\"}";
    }

    private static String data(long seq, byte[] audio) {
        return "{\"type\":\"voice_data\",\"seq\":" + seq + ",\"data\":\"" + Base64.getEncoder().encodeToString(audio)
                + "\"}";
    }

    @Test
    void a_player_speaks_and_the_teammates_devices_hear_each_chunk_once_in_order() {
        PlayerClient ana = PlayerClient.register(base, "Ana", null);
        PlayerClient ben = PlayerClient.register(base, "Ben", ana.teamCode);
        Device anaPhone = ana.online();
        Device benPhone = ben.online();
        Device benTablet = ben.online();

        anaPhone.send("{\"type\":\"voice_start\",\"format\":\"opus\",\"sampleRate\":48000}");
        String voiceId = anaPhone.await("voice_started").get("voiceId").asText();
        for (int i = 0; i < 5; i++) {
            anaPhone.send(data(i, new byte[] {(byte) i, 1, 2, 3}));
        }
        anaPhone.send(frame("voice_end"));
        JsonNode ended = anaPhone.await("voice_ended");

        for (Device device : List.of(benPhone, benTablet)) {
            JsonNode started = device.await("voice_start");
            assertThat(started.get("playerId").asText()).isEqualTo(ana.playerId);
            assertThat(started.get("voiceId").asText()).isEqualTo(voiceId);
            List<JsonNode> chunks = device.drain("voice_data", QUIET);
            assertThat(chunks).extracting(c -> c.get("seq").asLong()).containsExactly(0L, 1L, 2L, 3L, 4L);
            assertThat(Base64.getDecoder().decode(chunks.get(3).get("data").asText())).containsExactly(3, 1, 2, 3);
            assertThat(device.await("voice_end").get("chunks").asLong()).isEqualTo(5);
        }
        assertThat(ended.get("chunks").asLong()).isEqualTo(5);
        assertThat(ended.get("bytes").asLong()).isEqualTo(20);
        assertThat(anaPhone.drain("voice_data", Duration.ZERO)).as("the speaker does not hear itself").isEmpty();
    }

    @Test
    void chunks_without_a_session_oversized_or_not_base64_are_refused_and_the_socket_stays() {
        PlayerClient ana = PlayerClient.register(base, "Ana", null);
        Device anaPhone = ana.online();

        anaPhone.send(data(0, new byte[4]));
        assertThat(anaPhone.await("error").get("code").asText()).isEqualTo("voice_not_started");
        anaPhone.send(frame("voice_start"));
        anaPhone.await("voice_started");
        anaPhone.send(frame("voice_start"));
        assertThat(anaPhone.await("error").get("code").asText()).isEqualTo("voice_active");
        anaPhone.send(data(1, new byte[16 * 1024 + 1]));
        assertThat(anaPhone.await("error").get("code").asText()).isEqualTo("voice_chunk_too_large");
        anaPhone.send("{\"type\":\"voice_data\",\"seq\":2,\"data\":\"not base64!\"}");
        assertThat(anaPhone.await("error").get("code").asText()).isEqualTo("invalid_field");

        anaPhone.send(frame("ping"));
        assertThat(anaPhone.await("pong")).isNotNull();
    }

    @Test
    void a_flood_of_chunks_is_refused_with_rate_limited() {
        PlayerClient ana = PlayerClient.register(base, "Ana", null);
        Device anaPhone = ana.online();
        anaPhone.send(frame("voice_start"));
        anaPhone.await("voice_started");

        for (int i = 0; i < 150; i++) {
            anaPhone.send(data(i, new byte[8]));
        }

        JsonNode limited = anaPhone.await(f -> "rate_limited".equals(f.path("code").asText()), "a rate_limited error");
        assertThat(limited.get("retryAfterMs").asLong()).isPositive();
    }

    @Test
    void a_speaker_who_disconnects_mid_sentence_ends_the_session_for_the_listeners() {
        PlayerClient ana = PlayerClient.register(base, "Ana", null);
        PlayerClient ben = PlayerClient.register(base, "Ben", ana.teamCode);
        Device anaPhone = ana.online();
        Device benPhone = ben.online();
        anaPhone.send(frame("voice_start"));
        anaPhone.await("voice_started");
        anaPhone.send(data(0, new byte[4]));

        anaPhone.close();

        assertThat(benPhone.await("voice_end").get("playerId").asText()).isEqualTo(ana.playerId);
    }
}
