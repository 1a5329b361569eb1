package io.herald.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.server.PlayerClient.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What survives a stop: sockets are closed as "going away", and every undelivered message is still owed after. */
class RestartAndShutdownTest {

    private static HeraldServer startOn(Path data, int port) {
        return HeraldServer.start(new String[0], Map.of("micronaut.server.port", port, "herald.data-dir", data.toString()));
    }

    @Test
    void a_stop_closes_sockets_with_1001_and_a_restart_on_the_same_data_still_owes_every_message() throws Exception {
        Path data = Files.createTempDirectory("herald-restart");
        HeraldServer first = startOn(data, -1);
        String base = "http://127.0.0.1:" + first.port();
        PlayerClient ana = PlayerClient.register(base, "Ana", null);
        Device anaPhone = ana.online();
        ana.event("NodeComplete", "nodeId", "node-1");
        String sk = anaPhone.await("ai_message").get("sk").asText();

        first.close();

        assertThat(anaPhone.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1001);
        try (HeraldServer second = startOn(data, -1)) {
            PlayerClient sameAna = ana.at("http://127.0.0.1:" + second.port());
            assertThat(sameAna.undelivered().json().get("messages")).singleElement()
                    .satisfies(m -> assertThat(m.get("sk").asText()).isEqualTo(sk));
            Device again = sameAna.online();
            again.send("{\"type\":\"ping\"}");
            assertThat(again.await("pong")).isNotNull();
        }
    }
}
