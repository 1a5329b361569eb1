package io.herald.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Local stand-ins for the two AWS APIs the Lambda shape calls: EventBridge PutEvents (AWS JSON 1.1) and the API
 * Gateway Management API's {@code POST /@connections/{id}}, which answers 410 for connections declared gone.
 */
final class AwsStubs implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    final List<JsonNode> putEvents = new CopyOnWriteArrayList<>();
    final List<Posted> posted = new CopyOnWriteArrayList<>();
    final Set<String> gone = ConcurrentHashMap.newKeySet();

    record Posted(String connectionId, JsonNode frame) {
    }

    AwsStubs() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if ("AWSEvents.PutEvents".equals(target)) {
            JsonNode request = JSON.readTree(body);
            request.get("Entries").forEach(putEvents::add);
            StringBuilder entries = new StringBuilder();
            for (int i = 0; i < request.get("Entries").size(); i++) {
                entries.append(i == 0 ? "" : ",").append("{\"EventId\":\"eb-").append(putEvents.size()).append('-').append(i).append("\"}");
            }
            reply(exchange, 200, "{\"FailedEntryCount\":0,\"Entries\":[" + entries + "]}", "application/x-amz-json-1.1");
            return;
        }
        String path = exchange.getRequestURI().getRawPath();
        if (path.contains("/@connections/")) {
            String id = URLDecoder.decode(path.substring(path.indexOf("/@connections/") + 14), StandardCharsets.UTF_8);
            if (gone.contains(id)) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", "GoneException");
                reply(exchange, 410, "{\"message\":\"gone\"}", "application/json");
                return;
            }
            posted.add(new Posted(id, JSON.readTree(body)));
            reply(exchange, 200, "", "application/json");
            return;
        }
        reply(exchange, 404, "{}", "application/json");
    }

    private static void reply(HttpExchange exchange, int status, String body, String type) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
