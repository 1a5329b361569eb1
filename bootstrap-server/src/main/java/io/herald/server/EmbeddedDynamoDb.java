package io.herald.server;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The default store of a server started with no cloud account: DynamoDB Local's engine inside this process, called
 * directly rather than over HTTP, so no port is opened (nothing else on the machine or the network can reach the
 * data) and no request pays for HTTP, JSON and signing. It is persisted under the data directory, in the very file
 * a DynamoDB Local server with {@code -sharedDb} keeps there, so a restart finds every undelivered message again.
 */
final class EmbeddedDynamoDb implements AutoCloseable {
    static final String FILE = "shared-local-instance.db";

    private final AmazonDynamoDBLocal engine;
    private final DynamoDbClient client;

    private EmbeddedDynamoDb(AmazonDynamoDBLocal engine) {
        this.engine = engine;
        this.client = engine.dynamoDbClient();
    }

    static EmbeddedDynamoDb start(Path directory) {
        try {
            Files.createDirectories(directory);
            return new EmbeddedDynamoDb(DynamoDBEmbedded.create(directory.resolve(FILE).toFile()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the embedded DynamoDB Local did not start under " + directory, e);
        }
    }

    DynamoDbClient client() {
        return client;
    }

    @Override
    public void close() {
        engine.shutdown();
    }
}
