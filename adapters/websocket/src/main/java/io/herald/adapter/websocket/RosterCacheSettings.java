package io.herald.adapter.websocket;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code herald.rosters.*}: how many sessions' rosters a node keeps in memory, and how long one is trusted without
 * news (a backstop for a change announced while the relay was down).
 */
@ConfigurationProperties("herald.rosters")
public class RosterCacheSettings {
    private int capacity = 10_000;
    private Duration maxAge = Duration.ofMinutes(5);

    public int getCapacity() {
        return capacity;
    }

    public void setCapacity(int capacity) {
        this.capacity = capacity;
    }

    public Duration getMaxAge() {
        return maxAge;
    }

    public void setMaxAge(Duration maxAge) {
        this.maxAge = maxAge;
    }
}
