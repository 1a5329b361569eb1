package io.herald.server;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * One store for several nodes, as a real deployment has one DynamoDB: DynamoDB Local over HTTP on a loopback port,
 * in memory, started by the test. Each node is pointed at it as at DynamoDB ({@code herald.store=dynamodb}).
 */
final class SharedDynamoDb implements AutoCloseable {
    private final DynamoDBProxyServer server;
    private final int port;

    private SharedDynamoDb(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static SharedDynamoDb start() {
        int port = freePort();
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(new String[] {
                "-inMemory", "-sharedDb", "-port", Integer.toString(port), "-disableTelemetry"});
            server.start();
            return new SharedDynamoDb(server, port);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start", e);
        }
    }

    /** The settings that point a node at this store. */
    Map<String, Object> nodeSettings() {
        return Map.of("herald.store", "dynamodb",
                "aws.services.dynamodb.endpoint-override", "http://127.0.0.1:" + port,
                "aws.region", "us-east-1",
                "aws.access-key-id", "local",
                "aws.secret-key", "local",
                "herald.dynamodb.create-table", true);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        }
    }
}
