package io.herald.adapter.apigateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.herald.application.spi.PushFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * API Gateway's {@code POST {stage}/@connections/{connectionId}} on 127.0.0.1, answering each connection from a script
 * (200 by default, the last answer repeating) in the service's REST-JSON error shape, and keeping every request.
 */
final class ManagementApiStub implements AutoCloseable {
    private static final String CONNECTIONS = "/@connections/";

    private final HttpServer server;
    private final String stage;
    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** How the stub answers one request. */
    enum Answer {
        OK(200, null),
        GONE(410, "GoneException"),
        THROTTLED(429, "LimitExceededException"),
        TOO_LARGE(413, "PayloadTooLargeException"),
        FORBIDDEN(403, "ForbiddenException"),
        SERVER_ERROR(500, "InternalServerErrorException");

        final int status;
        final String errorType;

        Answer(int status, String errorType) {
            this.status = status;
            this.errorType = errorType;
        }
    }

    /** One request as it arrived: the raw path shows the id's URL encoding, the body is the frame text. */
    record Received(String method, String rawPath, String connectionId, String body, String authorization) {
    }

    private ManagementApiStub(String stage) throws IOException {
        this.stage = stage;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A stub behind a stage path, such as {@code /prod}, or none ({@code ""}) as behind a custom domain's root. */
    static ManagementApiStub start(String stage) {
        try {
            return new ManagementApiStub(stage);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers the connection's requests in this order, the last answer for every request after. */
    void answer(String connectionId, Answer... answers) {
        scripts.put(connectionId, new ArrayDeque<>(List.of(answers)));
    }

    ManagementEndpoint endpoint() {
        return ManagementEndpoint.explicit("http://127.0.0.1:" + server.getAddress().getPort() + stage);
    }

    /** A gateway on a client built exactly as the factory builds it, pointed here. */
    ApiGatewayConnectionGateway gateway(PushFormat format, PushBudget budget) {
        return gatewayAt(endpoint(), format, budget);
    }

    /** The same, for an endpoint that names this stub in another spelling. */
    static ApiGatewayConnectionGateway gatewayAt(ManagementEndpoint endpoint, PushFormat format, PushBudget budget) {
        return new ApiGatewayConnectionGateway(ApiGatewayFactory.client(endpoint, Region.EU_WEST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))), format, budget);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> receivedBy(String connectionId) {
        return received.stream().filter(r -> connectionId.equals(r.connectionId())).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String rawPath = exchange.getRequestURI().getRawPath();
            String prefix = stage + CONNECTIONS;
            String connectionId = rawPath.startsWith(prefix)
                    ? URLDecoder.decode(rawPath.substring(prefix.length()), StandardCharsets.UTF_8)
                    : null;
            received.add(new Received(exchange.getRequestMethod(), rawPath, connectionId,
                    new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("Authorization")));
            if (connectionId == null || !exchange.getRequestMethod().equals("POST")) {
                error(exchange, 404, "NotFoundException", "No method found matching route " + rawPath);
                return;
            }
            Answer answer = next(connectionId);
            if (answer == Answer.OK) {
                exchange.sendResponseHeaders(200, -1);
            } else {
                error(exchange, answer.status, answer.errorType, answer.errorType + " from the stub");
            }
        }
    }

    private Answer next(String connectionId) {
        Deque<Answer> script = scripts.get(connectionId);
        if (script == null) {
            return Answer.OK;
        }
        synchronized (script) {
            return script.size() > 1 ? script.poll() : script.peek();
        }
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        byte[] body = ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        exchange.getResponseHeaders().set("x-amzn-RequestId", "stub");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
