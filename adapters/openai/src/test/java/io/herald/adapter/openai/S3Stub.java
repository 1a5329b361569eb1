package io.herald.adapter.openai;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3's GetObject on 127.0.0.1, path-style ({@code GET /bucket/key}), answering from objects the test puts, and
 * {@code 404 NoSuchKey} otherwise; {@link #client()} is an SDK client pointed at it.
 */
final class S3Stub implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, String> objects = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private S3Client client;

    private S3Stub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    static S3Stub start() {
        try {
            return new S3Stub();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void put(String bucket, String key, String content) {
        objects.put("/" + bucket + "/" + key, content);
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized S3Client client() {
        if (client == null) {
            client = S3Client.builder()
                    .endpointOverride(endpoint())
                    .forcePathStyle(true)
                    .region(Region.EU_WEST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
        }
        return client;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.add(exchange.getRequestMethod() + " " + path);
            String content = objects.get(path);
            exchange.getResponseHeaders().set("x-amz-request-id", "stub");
            if (!exchange.getRequestMethod().equals("GET") || content == null) {
                respond(exchange, 404, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>"
                        + "NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>" + path
                        + "</Key><RequestId>stub</RequestId></Error>");
                return;
            }
            exchange.getResponseHeaders().set("ETag", "\"" + Integer.toHexString(content.hashCode()) + "\"");
            exchange.getResponseHeaders().set("Last-Modified", "Fri, 09 Jan 2026 10:30:00 GMT");
            respond(exchange, 200, "text/plain; charset=utf-8", content);
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
        server.stop(0);
    }
}
