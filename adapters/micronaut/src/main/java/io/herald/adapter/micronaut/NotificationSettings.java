package io.herald.adapter.micronaut;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** {@code herald.notifications.*}: how long a notification is kept (its TTL in the store, which reads it). */
@ConfigurationProperties("herald.notifications")
public class NotificationSettings {
    private Duration retention = Duration.ofDays(30);

    public Duration getRetention() {
        return retention;
    }

    public void setRetention(Duration retention) {
        this.retention = retention;
    }
}
