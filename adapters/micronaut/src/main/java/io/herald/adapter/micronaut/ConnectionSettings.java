package io.herald.adapter.micronaut;

import io.herald.adapter.wire.SettingCheck;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code herald.connections.*}, the connection manager's. A server node's cleanup reads the interval through its
 * schedule; binding it here, at start, is what checks it.
 *
 * @param inactiveAfter after how long without a frame a connection is closed (and, once closed that long, forgotten)
 * @param activityEvery how often a connection's last activity is written at most; {@code 0s} writes every frame
 * @param cleanupInterval how often a server node cleans up (the Lambda shape cleans up on its 5-minute schedule)
 */
@Context
@ConfigurationProperties(ConnectionSettings.PREFIX)
public record ConnectionSettings(
        @Bindable(defaultValue = "1h") Duration inactiveAfter,
        @Bindable(defaultValue = "60s") Duration activityEvery,
        @Bindable(defaultValue = "5m") Duration cleanupInterval) {
    static final String PREFIX = "herald.connections";
    private static final SettingCheck CHECK = new SettingCheck(PREFIX);

    public ConnectionSettings {
        CHECK.positive("inactive-after", inactiveAfter);
        CHECK.notNegative("activity-every", activityEvery);
        CHECK.positive("cleanup-interval", cleanupInterval);
    }
}
