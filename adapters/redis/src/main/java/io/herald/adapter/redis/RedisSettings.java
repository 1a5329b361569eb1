package io.herald.adapter.redis;

import io.herald.adapter.wire.SettingCheck;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code herald.redis.*}: the keys and channel Herald's nodes share (a prefix, so several Herald clusters can use one
 * Redis), and how a node proves it is alive. The Redis address itself is {@code redis.uri} ({@code HERALD_REDIS_URI}).
 * Bound at start, so a bad value stops the start.
 *
 * @param heartbeat how often a node says it is alive
 * @param nodeTimeout how long after its last heartbeat a node's devices stop counting as online (it died without a
 *        goodbye); longer than the heartbeat, or live nodes would flicker offline between beats
 * @param commandTimeout how long one Redis command may take before the node treats Redis as unavailable for it
 */
@Context
@ConfigurationProperties(RedisSettings.PREFIX)
public record RedisSettings(
        @Bindable(defaultValue = "herald") String prefix,
        @Bindable(defaultValue = "2s") Duration heartbeat,
        @Bindable(defaultValue = "10s") Duration nodeTimeout,
        @Bindable(defaultValue = "2s") Duration commandTimeout) {
    static final String PREFIX = "herald.redis";
    private static final SettingCheck CHECK = new SettingCheck(PREFIX);

    public RedisSettings {
        CHECK.notBlank("prefix", prefix);
        CHECK.positive("heartbeat", heartbeat);
        CHECK.positive("node-timeout", nodeTimeout);
        if (nodeTimeout.compareTo(heartbeat) <= 0) {
            throw CHECK.invalid("node-timeout", "must be longer than herald.redis.heartbeat (HERALD_REDIS_HEARTBEAT, "
                    + heartbeat.toMillis() + "ms), was " + nodeTimeout.toMillis() + "ms");
        }
        CHECK.positive("command-timeout", commandTimeout);
    }
}
