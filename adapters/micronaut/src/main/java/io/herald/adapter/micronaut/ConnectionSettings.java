package io.herald.adapter.micronaut;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code herald.connections.*}, the connection manager's: after how long without a frame a connection is closed
 * (and, once closed that long, forgotten), how often a connection's last activity is written at most, and how often
 * a server node cleans up (the Lambda shape cleans up on its 5-minute schedule).
 */
@ConfigurationProperties("herald.connections")
public class ConnectionSettings {
    private Duration inactiveAfter = Duration.ofHours(1);
    private Duration activityEvery = Duration.ofSeconds(60);
    private Duration cleanupInterval = Duration.ofMinutes(5);

    public Duration getInactiveAfter() {
        return inactiveAfter;
    }

    public void setInactiveAfter(Duration inactiveAfter) {
        this.inactiveAfter = inactiveAfter;
    }

    public Duration getActivityEvery() {
        return activityEvery;
    }

    public void setActivityEvery(Duration activityEvery) {
        this.activityEvery = activityEvery;
    }

    public Duration getCleanupInterval() {
        return cleanupInterval;
    }

    public void setCleanupInterval(Duration cleanupInterval) {
        this.cleanupInterval = cleanupInterval;
    }
}
