package io.herald.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.adapter.websocket.ServerDrain;
import org.junit.jupiter.api.Test;

/** {@code /health} checks the store; {@code /health/readiness} goes down as soon as the node begins to stop. */
class HealthTest {

    @Test
    void the_store_is_checked_and_readiness_goes_down_while_draining() throws Exception {
        try (HeraldServer server = FreshServer.start("health")) {
            String base = "http://127.0.0.1:" + server.port();
            PlayerClient.Response health = PlayerClient.get(base + "/health", null);
            PlayerClient.Response ready = PlayerClient.get(base + "/health/readiness", null);

            server.context().getBean(ServerDrain.class).shutdownGracefully();
            PlayerClient.Response draining = PlayerClient.get(base + "/health/readiness", null);
            PlayerClient.Response alive = PlayerClient.get(base + "/health/liveness", null);

            assertThat(health.status()).isEqualTo(200);
            JsonNode store = health.json().at("/details/store");
            assertThat(store.get("status").asText()).isEqualTo("UP");
            assertThat(store.at("/details/tableStatus").asText()).isEqualTo("ACTIVE");
            assertThat(ready.status()).isEqualTo(200);
            assertThat(draining.status()).isEqualTo(503);
            assertThat(draining.json().at("/details/draining/status").asText()).isEqualTo("DOWN");
            assertThat(alive.status()).as("stopping is not dying").isEqualTo(200);
        }
    }
}
