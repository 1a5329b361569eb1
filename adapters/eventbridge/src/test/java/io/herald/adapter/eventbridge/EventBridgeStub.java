package io.herald.adapter.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * EventBridge's {@code PutEvents} on 127.0.0.1 in the AWS JSON 1.1 protocol ({@code X-Amz-Target: AWSEvents.PutEvents}).
 * It accepts every entry unless scripted: the next calls can fail chosen entries or answer with an error status.
 * {@link #client()} is an SDK client on it.
 */
final class EventBridgeStub implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AWS_JSON = "application/x-amz-json-1.1";

    /** How the stub answers one call. */
    sealed interface Reply permits FailEntries, FailCall {
    }

    /** 200, with the entries at these positions of the call reported failed under {@code errorCode}. */
    record FailEntries(Set<Integer> positions, String errorCode) implements Reply {
    }

    /** The whole call fails with {@code status} and the error type {@code errorType}. */
    record FailCall(int status, String errorType) implements Reply {
    }

    /** One call as received: its target operation, content type and JSON body. */
    record Call(String target, String contentType, JsonNode body) {
        List<JsonNode> entries() {
            List<JsonNode> entries = new ArrayList<>();
            body.path("Entries").forEach(entries::add);
            return entries;
        }

        JsonNode detail(int position) {
            try {
                return JSON.readTree(entries().get(position).path("Detail").asText());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<String> eventIds() {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < entries().size(); i++) {
                ids.add(detail(i).path("eventId").asText());
            }
            return ids;
        }
    }

    private final HttpServer server;
    private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private EventBridgeClient client;
    private boolean closed;

    private EventBridgeStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    static EventBridgeStub start() {
        try {
            return new EventBridgeStub();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Reply failEntries(String errorCode, Integer... positions) {
        return new FailEntries(Set.of(positions), errorCode);
    }

    static Reply failCall(int status, String errorType) {
        return new FailCall(status, errorType);
    }

    /** The next calls get these replies, in order; every call after them is accepted whole. */
    void script(Reply... replies) {
        Collections.addAll(script, replies);
    }

    void script(int times, Reply reply) {
        script.addAll(Collections.nCopies(times, reply));
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized EventBridgeClient client() {
        if (client == null) {
            client = clientOn(endpoint());
        }
        return client;
    }

    /** An SDK client on {@code endpoint} that, like the module's own, leaves every retry to the publisher. */
    static EventBridgeClient clientOn(URI endpoint) {
        return EventBridgeClient.builder()
                .endpointOverride(endpoint)
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            Call call = new Call(target, exchange.getRequestHeaders().getFirst("Content-Type"),
                    JSON.readTree(exchange.getRequestBody()));
            calls.add(call);
            if (!"AWSEvents.PutEvents".equals(target)) {
                respondError(exchange, new FailCall(400, "UnknownOperationException"));
                return;
            }
            Reply reply = script.poll();
            if (reply instanceof FailCall failure) {
                respondError(exchange, failure);
                return;
            }
            Set<Integer> failing = reply instanceof FailEntries entries ? entries.positions() : Set.of();
            ObjectNode response = JSON.createObjectNode();
            ArrayNode results = response.putArray("Entries");
            for (int i = 0; i < call.entries().size(); i++) {
                if (failing.contains(i)) {
                    results.addObject().put("ErrorCode", ((FailEntries) reply).errorCode())
                            .put("ErrorMessage", "stub failed entry " + i);
                } else {
                    results.addObject().put("EventId", UUID.randomUUID().toString());
                }
            }
            response.put("FailedEntryCount", failing.stream().filter(i -> i < call.entries().size()).count());
            respond(exchange, 200, response);
        }
    }

    private static void respondError(HttpExchange exchange, FailCall failure) throws IOException {
        exchange.getResponseHeaders().set("X-Amzn-ErrorType", failure.errorType());
        respond(exchange, failure.status(), JSON.createObjectNode()
                .put("__type", failure.errorType())
                .put("message", "stub answered " + failure.status()));
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", AWS_JSON);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (client != null) {
            client.close();
        }
        server.stop(0);
    }
}
