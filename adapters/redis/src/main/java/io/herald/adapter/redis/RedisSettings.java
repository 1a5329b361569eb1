package io.herald.adapter.redis;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code herald.redis.*}: the keys and channel Herald's nodes share (a prefix, so several Herald clusters can use one
 * Redis), and how a node proves it is alive. The Redis address itself is {@code redis.uri} ({@code HERALD_REDIS_URI}).
 */
@ConfigurationProperties("herald.redis")
public class RedisSettings {
    private String prefix = "herald";
    private Duration heartbeat = Duration.ofSeconds(2);
    private Duration nodeTimeout = Duration.ofSeconds(10);
    private Duration commandTimeout = Duration.ofSeconds(2);

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    /** How often a node says it is alive. */
    public Duration getHeartbeat() {
        return heartbeat;
    }

    public void setHeartbeat(Duration heartbeat) {
        this.heartbeat = heartbeat;
    }

    /** How long after its last heartbeat a node's devices stop counting as online (it died without a goodbye). */
    public Duration getNodeTimeout() {
        return nodeTimeout;
    }

    public void setNodeTimeout(Duration nodeTimeout) {
        this.nodeTimeout = nodeTimeout;
    }

    /** How long one Redis command may take before the node treats Redis as unavailable for it. */
    public Duration getCommandTimeout() {
        return commandTimeout;
    }

    public void setCommandTimeout(Duration commandTimeout) {
        this.commandTimeout = commandTimeout;
    }
}
