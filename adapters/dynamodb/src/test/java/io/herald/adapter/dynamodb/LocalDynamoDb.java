package io.herald.adapter.dynamodb;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import io.herald.application.port.Metrics;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** DynamoDB Local started in-process, in memory, on a free port, spoken to over HTTP like the real service. */
public final class LocalDynamoDb implements AutoCloseable {
    private final DynamoDBProxyServer server;
    private final URI endpoint;

    private LocalDynamoDb(DynamoDBProxyServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    public static LocalDynamoDb start() {
        int port = freePort();
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-sharedDb", "-port", Integer.toString(port), "-disableTelemetry"});
            server.start();
            return new LocalDynamoDb(server, URI.create("http://127.0.0.1:" + port));
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start", e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public DynamoDbClient client(ExecutionInterceptor... interceptors) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.executionInterceptors(List.of(interceptors)))
                .build();
    }

    /** Herald's defaults, but for the attempts of one call. */
    static DynamoDbSettings settings(int attempts) {
        return new DynamoDbSettings("herald", false, Duration.ofSeconds(60), Duration.ofSeconds(20), false, false,
                attempts, Duration.ofSeconds(5));
    }

    /** A client that retries as Herald configures production clients, with this many attempts per call. */
    DynamoDbClient clientRetryingAsHerald(int attempts, FaultInjector faults, ExecutionInterceptor... interceptors) {
        return clientRetryingAsHerald(attempts, faults, Metrics.NONE, interceptors);
    }

    DynamoDbClient clientRetryingAsHerald(int attempts, FaultInjector faults, Metrics metrics,
            ExecutionInterceptor... interceptors) {
        DynamoDbSettings settings = settings(attempts);
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(faults.over(UrlConnectionHttpClient.create()))
                .overrideConfiguration(c -> DynamoDbClientSettings.apply(c.executionInterceptors(
                        java.util.stream.Stream.concat(java.util.stream.Stream.of(faults),
                                java.util.stream.Stream.of(interceptors)).toList()), settings, metrics))
                .build();
    }

    /** A table created by the adapter's own creator, as a server with create-table on would. */
    DynamoDbTable table(DynamoDbClient client, String name) {
        TableCreator.ensure(client, name);
        return new DynamoDbTable(client, name, java.time.Duration.ofSeconds(20));
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
