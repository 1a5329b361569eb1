package io.herald.server;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts Herald as one long-running process. With nothing configured it needs no account and no other process:
 * DynamoDB Local's engine in-process, with no port, under {@code HERALD_DATA_DIR} (default {@code ./data}), a token key generated there,
 * fixed-text messages, in-process event dispatch. {@code HERALD_STORE=dynamodb} uses a real DynamoDB instead,
 * configured through the usual {@code aws.*} settings.
 */
public final class HeraldServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HeraldServer.class);
    private static final Duration GRACE = Duration.ofSeconds(20);
    static final String STORE = "herald.store";
    static final String EMBEDDED = "embedded";

    private final ApplicationContext context;
    private final Optional<EmbeddedDynamoDb> embedded;

    private HeraldServer(ApplicationContext context, Optional<EmbeddedDynamoDb> embedded) {
        this.context = context;
        this.embedded = embedded;
    }

    public static void main(String[] args) {
        HeraldServer server = start(args, Map.of());
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("herald-shutdown").unstarted(server::close));
        LOG.info("Herald is listening on http://localhost:{} (WebSocket at /ws)", server.port());
    }

    /** Starts with the defaults above; {@code overrides} win over them (tests use it for ports and directories). */
    public static HeraldServer start(String[] args, Map<String, Object> overrides) {
        Path dataDirectory = Path.of(setting(overrides, "herald.data-dir", "HERALD_DATA_DIR").orElse("./data"));
        Map<String, Object> properties = new HashMap<>();
        Optional<EmbeddedDynamoDb> embedded = Optional.empty();
        if (!"dynamodb".equals(setting(overrides, STORE, "HERALD_STORE").orElse(EMBEDDED))) {
            embedded = Optional.of(EmbeddedDynamoDb.start(dataDirectory.resolve("dynamodb")));
            properties.put(STORE, EMBEDDED);
            properties.put("aws.region", "us-east-1");
            properties.put("herald.dynamodb.create-table", true);
            // The embedded store pays per request, not per item: acks and held events are combined like every other write.
            properties.put("herald.dynamodb.combine-writes", true);
            // DynamoDB Local answers a transaction before committing it; a confirming read makes "done" mean durable.
            properties.put("herald.dynamodb.confirm-transactions", true);
        }
        // Set, it makes this node one of several sharing a Redis; unset, the node runs alone and in-process.
        setting(overrides, "redis.uri", "HERALD_REDIS_URI").ifPresent(uri -> properties.put("redis.uri", uri));
        if (setting(overrides, "herald.tokens.secret", "HERALD_TOKENS_SECRET").isEmpty()) {
            properties.put("herald.tokens.secret", TokenKey.readOrCreate(dataDirectory));
        }
        properties.putAll(overrides);
        try {
            Object[] singletons = embedded.<Object[]>map(store -> new Object[] {store}).orElse(new Object[0]);
            ApplicationContext context = Micronaut.build(args).mainClass(HeraldServer.class).properties(properties)
                    .singletons(singletons).start();
            return new HeraldServer(context, embedded);
        } catch (RuntimeException e) {
            embedded.ifPresent(EmbeddedDynamoDb::close);
            throw e;
        }
    }

    private static Optional<String> setting(Map<String, Object> overrides, String property, String environment) {
        return Optional.ofNullable(overrides.get(property)).map(Object::toString)
                .or(() -> Optional.ofNullable(System.getProperty(property)))
                .or(() -> Optional.ofNullable(System.getenv(environment)))
                .filter(value -> !value.isBlank());
    }

    public int port() {
        return context.getBean(EmbeddedServer.class).getPort();
    }

    public ApplicationContext context() {
        return context;
    }

    /**
     * Graceful: finish queued events and their pushes and close sockets with 1001 while Netty still holds them,
     * then stop the context (Netty stops accepting), then the embedded store. Safe to call twice.
     */
    @Override
    public synchronized void close() {
        if (!context.isRunning()) {
            return;
        }
        try {
            // Netty is graceful-capable too, but it must keep the sockets until they have been closed with 1001.
            GracefulShutdownCapable.shutdownAll(context.getBeansOfType(GracefulShutdownCapable.class).stream()
                            .filter(bean -> !(bean instanceof EmbeddedServer)))
                    .toCompletableFuture().get(GRACE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("graceful shutdown did not finish within {}; stopping anyway", GRACE, e);
        } finally {
            try {
                context.close();
            } finally {
                embedded.ifPresent(EmbeddedDynamoDb::close);
            }
        }
    }
}
