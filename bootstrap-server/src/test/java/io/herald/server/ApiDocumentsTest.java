package io.herald.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI document micronaut-openapi writes from the controllers is served, without a token, at
 * {@code /openapi/herald.yml}, and lists the real endpoints with the schemas of their bodies.
 */
class ApiDocumentsTest {

    @Test
    @SuppressWarnings("unchecked")
    void the_openapi_document_is_served_and_lists_the_endpoints_with_their_request_schemas() throws Exception {
        try (HeraldServer server = FreshServer.start("api-documents")) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/openapi/herald.yml")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            Map<String, Object> document = new Yaml().load(response.body());
            assertThat(document.get("openapi").toString()).startsWith("3.");
            assertThat((Map<String, Object>) document.get("info")).containsEntry("title", "Herald");
            Map<String, Object> paths = (Map<String, Object>) document.get("paths");
            assertThat(paths).containsKeys("/api/teams", "/runtime/events", "/runtime/messages/undelivered",
                    "/api/rooms", "/api/rooms/{roomId}/messages", "/api/rooms/{roomId}/read", "/api/notifications",
                    "/api/characters/{characterId}/chat", "/api/sessions/{sessionId}/conversations",
                    "/api/admin/connections/{connectionId}/status", "/api/guilds/{guildId}/members/{sessionId}/{playerId}");
            assertThat(requestSchema(paths, "/api/teams")).isEqualTo("#/components/schemas/TeamRegistration");
            assertThat(requestSchema(paths, "/runtime/events")).isEqualTo("#/components/schemas/GameEvent");
            assertThat(requestSchema(paths, "/api/rooms/{roomId}/messages")).isEqualTo("#/components/schemas/RoomPost");

            Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components"))
                    .get("schemas");
            assertThat(field(schemas, "TeamRegistration", "required")).asList().containsExactly("playerName");
            assertThat((Map<String, Object>) field(schemas, "GameEvent", "properties"))
                    .containsKeys("sessionId", "eventType", "playerId", "nodeId", "deltas");
            assertThat(field(schemas, "RoomPost", "required")).asList().containsExactly("text");
        }
    }

    @SuppressWarnings("unchecked")
    private static String requestSchema(Map<String, Object> paths, String path) {
        Map<String, Object> post = (Map<String, Object>) ((Map<String, Object>) paths.get(path)).get("post");
        Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) post.get("requestBody")).get("content");
        Map<String, Object> json = (Map<String, Object>) content.get("application/json");
        return (String) ((Map<String, Object>) json.get("schema")).get("$ref");
    }

    @SuppressWarnings("unchecked")
    private static Object field(Map<String, Object> schemas, String schema, String field) {
        return ((Map<String, Object>) schemas.get(schema)).get(field);
    }
}
