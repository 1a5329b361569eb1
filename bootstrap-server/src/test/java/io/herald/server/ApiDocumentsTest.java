package io.herald.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI document micronaut-openapi writes from the controllers is served, without a token, at
 * {@code /openapi/herald.yml}, and lists the real endpoints with the schemas of their bodies, both ways, and of errors:
 * every JSON answer has a schema of its own, none is a bare string.
 */
class ApiDocumentsTest {

    @Test
    @SuppressWarnings("unchecked")
    void the_openapi_document_is_served_and_lists_the_endpoints_with_their_request_and_response_schemas() throws Exception {
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

            assertThat(responseSchema(paths, "/api/teams", "post")).isEqualTo("#/components/schemas/Registered");
            assertThat(responseSchema(paths, "/runtime/events", "post")).isEqualTo("#/components/schemas/EventAccepted");
            assertThat(responseSchema(paths, "/runtime/messages/undelivered", "get"))
                    .isEqualTo("#/components/schemas/CatchUpPage");
            assertThat(responseSchema(paths, "/api/rooms/{roomId}/messages", "get"))
                    .isEqualTo("#/components/schemas/HistoryPage");
            assertThat(responseSchema(paths, "/api/rooms/{roomId}/messages", "post"))
                    .isEqualTo("#/components/schemas/SentRoomMessage");
            assertThat(responseSchema(paths, "/api/notifications", "get"))
                    .isEqualTo("#/components/schemas/NotificationPage");
            assertThat(responseSchema(paths, "/api/notifications", "post"))
                    .isEqualTo("#/components/schemas/SentNotification");
            assertThat((Map<String, Object>) field(schemas, "CatchUpPage", "properties"))
                    .containsKeys("messages", "nextCursor", "notifications", "success");
            assertThat(field(schemas, "CatchUpPage", "required")).asList().containsExactlyInAnyOrder("messages", "success");
            assertThat(itemsOf(schemas, "CatchUpPage", "messages")).isEqualTo("#/components/schemas/MissedMessage");
            assertThat(itemsOf(schemas, "CatchUpPage", "notifications")).isEqualTo("#/components/schemas/NotificationItem");
            assertThat(itemsOf(schemas, "HistoryPage", "messages")).isEqualTo("#/components/schemas/RoomMessage");
            assertThat(itemsOf(schemas, "NotificationPage", "notifications"))
                    .isEqualTo("#/components/schemas/NotificationItem");
            assertThat((Map<String, Object>) field(schemas, "RoomMessage", "properties")).containsOnlyKeys("roomId",
                    "offset", "epoch", "messageId", "senderId", "senderSessionId", "text", "ts");
            assertThat((Map<String, Object>) field(schemas, "NotificationItem", "properties")).containsKeys("readAt",
                    "dismissedAt", "metadata");
            assertThat((Map<String, Object>) field(schemas, "Registered", "properties"))
                    .containsKeys("teamCode", "session", "websocketUrl", "token", "success");
            assertThat(field(schemas, "Error", "required")).asList()
                    .containsExactlyInAnyOrder("success", "code", "message");
            assertThat((Map<String, Object>) field(schemas, "Error", "properties"))
                    .containsOnlyKeys("success", "code", "message", "field", "correlationId");
            for (String[] operation : new String[][] {{"/api/teams", "post"}, {"/runtime/events", "post"},
                    {"/runtime/messages/undelivered", "get"}, {"/api/notifications", "post"}}) {
                assertThat(responseSchema(paths, operation[0], operation[1], "4XX")).as(operation[0])
                        .isEqualTo("#/components/schemas/Error");
            }
            for (String[] typed : new String[][] {
                    {"/api/runtime/session/{sessionId}", "get", "SessionSnapshot"},
                    {"/api/rooms", "get", "RoomList"}, {"/api/rooms", "post", "RoomCreated"},
                    {"/api/rooms/{roomId}/join", "post", "RoomMembership"},
                    {"/api/rooms/{roomId}/leave", "post", "RoomMembership"},
                    {"/api/rooms/{roomId}/read", "post", "ReadMark"},
                    {"/api/guilds/{guildId}/members", "get", "GuildMemberPage"},
                    {"/api/guilds/{guildId}/members/{sessionId}/{playerId}", "put", "RoomMembership"},
                    {"/api/guilds/{guildId}/members/{sessionId}/{playerId}", "delete", "RoomMembership"},
                    {"/api/characters/{characterId}/chat", "post", "ChatReply"},
                    {"/api/characters/{characterId}/chat", "get", "ChatHistory"},
                    {"/api/sessions/{sessionId}/conversations", "post", "ConversationLines"},
                    {"/api/sessions/{sessionId}/conversations/{conversationId}", "get", "ConversationLines"},
                    {"/api/admin/connections", "get", "ConnectionList"},
                    {"/api/admin/players/{sessionId}/{playerId}/connections", "get", "ConnectionList"},
                    {"/api/admin/sessions/{sessionId}/connections", "get", "ConnectionList"},
                    {"/api/admin/connections/{connectionId}/status", "put", "ConnectionStatusChanged"},
                    {"/api/admin/connections/cleanup", "post", "ConnectionCleanup"},
                    {"/api/notifications/{notificationId}/read", "post", "NotificationUpdated"},
                    {"/api/notifications/{notificationId}/dismiss", "post", "NotificationUpdated"},
                    {"/api/notifications/read-all", "post", "NotificationsRead"},
                    {"/health", "get", "Health"}}) {
                assertThat(responseSchema(paths, typed[0], typed[1])).as(typed[1] + " " + typed[0])
                        .isEqualTo("#/components/schemas/" + typed[2]);
            }
            assertThat(jsonAnswersWithoutASchema(paths)).as("answers documented as bare strings").isEmpty();
            assertThat(itemsOf(schemas, "SessionSnapshot", "players")).isEqualTo("#/components/schemas/SessionPlayer");
            assertThat(itemsOf(schemas, "RoomList", "rooms")).isEqualTo("#/components/schemas/MemberRoom");
            assertThat(itemsOf(schemas, "GuildMemberPage", "members")).isEqualTo("#/components/schemas/GuildMember");
            assertThat(itemsOf(schemas, "ChatHistory", "turns")).isEqualTo("#/components/schemas/ChatTurn");
            assertThat(itemsOf(schemas, "ConversationLines", "lines")).isEqualTo("#/components/schemas/ConversationLine");
            assertThat(itemsOf(schemas, "ConnectionList", "connections")).isEqualTo("#/components/schemas/Connection");
            assertThat(field(schemas, "RoomMembership", "required")).as("leaving says nothing of 'already'").asList()
                    .containsExactlyInAnyOrder("roomId", "member", "success");
            assertThat(field(schemas, "ChatTurn", "required")).asList().contains("llmInteractionId");
            assertThat((Map<String, Object>) field(schemas, "Connection", "properties")).containsOnlyKeys("connectionId",
                    "sessionId", "playerId", "status", "createdAt", "lastActivity", "clientAddress", "userAgent",
                    "disconnectedAt");
            assertThat(schemas).as("JSON trees are documented as objects, not as Jackson's classes")
                    .doesNotContainKeys("JsonNode", "ObjectNode");
        }
    }

    private static String responseSchema(Map<String, Object> paths, String path, String method) {
        return responseSchema(paths, path, method, "200");
    }

    @SuppressWarnings("unchecked")
    private static String responseSchema(Map<String, Object> paths, String path, String method, String status) {
        Map<String, Object> operation = (Map<String, Object>) ((Map<String, Object>) paths.get(path)).get(method);
        Map<String, Object> response = (Map<String, Object>) ((Map<String, Object>) operation.get("responses")).get(status);
        Map<String, Object> content = (Map<String, Object>) response.get("content");
        Map<String, Object> json = (Map<String, Object>) content.get("application/json");
        return (String) ((Map<String, Object>) json.get("schema")).get("$ref");
    }

    /** Each operation whose 2xx JSON answer is not a named schema, as "method path". */
    @SuppressWarnings("unchecked")
    private static List<String> jsonAnswersWithoutASchema(Map<String, Object> paths) {
        List<String> bare = new ArrayList<>();
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, operation) -> {
            Map<String, Object> responses = operation instanceof Map<?, ?> o
                    ? (Map<String, Object>) o.get("responses") : null;
            if (responses == null) {
                return;
            }
            responses.forEach((status, response) -> {
                Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) response).get("content");
                Object json = content == null ? null : content.get("application/json");
                if (status.startsWith("2") && json != null
                        && !((Map<String, Object>) ((Map<String, Object>) json).get("schema")).containsKey("$ref")) {
                    bare.add(method + " " + path);
                }
            });
        }));
        return bare;
    }

    @SuppressWarnings("unchecked")
    private static String itemsOf(Map<String, Object> schemas, String schema, String property) {
        Map<String, Object> array = (Map<String, Object>) ((Map<String, Object>) field(schemas, schema, "properties"))
                .get(property);
        return (String) ((Map<String, Object>) array.get("items")).get("$ref");
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
