package io.herald.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.herald.server.PlayerClient.Device;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** With an OpenAI key the server's messages are the model's words; the model here is a local stub of the API. */
class ModelComposedMessageTest {

    @Test
    void a_configured_model_writes_the_message_the_player_receives() throws Exception {
        List<String> requests = new CopyOnWriteArrayList<>();
        HttpServer model = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        model.createContext("/v1/chat/completions", exchange -> {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = """
                    {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-5.2-2025-12-11",
                     "choices":[{"index":0,"message":{"role":"assistant","content":"Node three, done. Onward!"},
                                 "finish_reason":"stop"}],
                     "usage":{"prompt_tokens":42,"completion_tokens":6,"total_tokens":48}}""".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        model.start();
        try (HeraldServer server = HeraldServer.start(new String[0], Map.of(
                "micronaut.server.port", -1,
                "herald.data-dir", Files.createTempDirectory("herald-model").toString(),
                "herald.openai.api-key", "test-key",
                "herald.openai.base-url", "http://127.0.0.1:" + model.getAddress().getPort() + "/v1"))) {
            PlayerClient ana = PlayerClient.register("http://127.0.0.1:" + server.port(), "Ana", null);
            Device phone = ana.online();

            ana.event("NodeComplete", "nodeId", "node-3");

            assertThat(phone.await("ai_message").get("content").asText()).isEqualTo("Node three, done. Onward!");
            assertThat(requests).singleElement().satisfies(request -> assertThat(request).contains("gpt-5.2-2025-12-11"));
        } finally {
            model.stop(0);
        }
    }
}
