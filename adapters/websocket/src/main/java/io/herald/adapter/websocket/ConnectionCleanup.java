package io.herald.adapter.websocket;

import io.herald.application.ManageConnections;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Each server node cleans up on its own schedule: its silent sockets are closed, long-closed records forgotten. */
@Singleton
@Requires(property = "herald.connections.cleanup-enabled", notEquals = "false")
public class ConnectionCleanup {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionCleanup.class);

    private final ManageConnections manage;
    private final Duration inactiveAfter;

    public ConnectionCleanup(ManageConnections manage,
            @Value("${herald.connections.inactive-after:1h}") Duration inactiveAfter) {
        this.manage = manage;
        this.inactiveAfter = inactiveAfter;
    }

    @Scheduled(fixedDelay = "${herald.connections.cleanup-interval:5m}",
            initialDelay = "${herald.connections.cleanup-interval:5m}")
    void cleanUp() {
        try {
            ManageConnections.Cleaned cleaned = manage.cleanUp(inactiveAfter);
            if (cleaned.closed() + cleaned.forgotten() > 0) {
                LOG.info("connection cleanup: {} closed, {} forgotten", cleaned.closed(), cleaned.forgotten());
            }
        } catch (RuntimeException e) {
            LOG.warn("connection cleanup failed; it runs again at the next interval", e);
        }
    }
}
