package io.herald.adapter.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A local OpenAI-compatible chat completions endpoint on 127.0.0.1: it answers from a script the test writes (then
 * from a default), and keeps every request it was sent.
 */
final class FakeOpenAi implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Function<Received, Reply> otherwise = request -> Reply.completion("Well done, explorer!");

    private FakeOpenAi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static FakeOpenAi start() {
        try {
            return new FakeOpenAi();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The next requests get these replies, in order; after them the default applies. */
    FakeOpenAi replyWith(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** What every request gets once the script is used up. */
    FakeOpenAi otherwise(Function<Received, Reply> reply) {
        this.otherwise = reply;
        return this;
    }

    List<Received> requests() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Received request = new Received(exchange.getRequestHeaders().getFirst("Authorization"), JSON.readTree(body),
                    body);
            received.add(request);
            Reply reply = script.isEmpty() ? otherwise.apply(request) : script.poll();
            if (!reply.delay().isZero() && closing.await(reply.delay().toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client gave up on a slow reply: that is what the slow reply was for.
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    /** One request as the endpoint saw it. */
    record Received(String authorization, JsonNode json, String body) {
        String message(String role) {
            for (JsonNode message : json.path("messages")) {
                if (message.path("role").asText().equals(role)) {
                    return message.path("content").asText();
                }
            }
            throw new AssertionError("no " + role + " message in " + body);
        }
    }

    /** What the endpoint answers: a status, headers, a body, and how long it waits first. */
    record Reply(int status, Map<String, String> headers, String body, Duration delay) {
        static Reply completion(String content) {
            return completion(content, 42, 17);
        }

        static Reply completion(String content, int promptTokens, int completionTokens) {
            ObjectNode body = completionBody(promptTokens, completionTokens);
            message(body).put("content", content);
            return ok(body);
        }

        static Reply completionWithoutContent() {
            ObjectNode body = completionBody(42, 0);
            message(body).putNull("content");
            return ok(body);
        }

        static Reply completionCutAtTheTokenLimit(String content) {
            ObjectNode body = completionBody(42, 150);
            message(body).put("content", content);
            choice(body).put("finish_reason", "length");
            return ok(body);
        }

        static Reply refusal() {
            ObjectNode body = completionBody(42, 5);
            message(body).putNull("content").put("refusal", "I can't help with that.");
            return ok(body);
        }

        static Reply error(int status, String code) {
            ObjectNode body = JSON.createObjectNode();
            body.putObject("error").put("message", "scripted " + status).put("type", code).put("code", code);
            return new Reply(status, Map.of(), body.toString(), Duration.ZERO);
        }

        static Reply raw(int status, String body) {
            return new Reply(status, Map.of(), body, Duration.ZERO);
        }

        Reply withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, Map.copyOf(more), body, delay);
        }

        Reply after(Duration wait) {
            return new Reply(status, headers, body, wait);
        }

        private static ObjectNode completionBody(int promptTokens, int completionTokens) {
            ObjectNode body = JSON.createObjectNode()
                    .put("id", "chatcmpl-fake").put("object", "chat.completion").put("created", 1_767_950_000L)
                    .put("model", "gpt-5.2-2025-12-11");
            ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant");
            choice.putNull("logprobs");
            body.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                    .put("total_tokens", promptTokens + completionTokens);
            return body;
        }

        private static ObjectNode choice(ObjectNode body) {
            return (ObjectNode) body.get("choices").get(0);
        }

        private static ObjectNode message(ObjectNode body) {
            return (ObjectNode) choice(body).get("message");
        }

        private static Reply ok(ObjectNode body) {
            return new Reply(200, Map.of(), body.toString(), Duration.ZERO);
        }
    }
}
