package io.herald.adapter.redis;

import io.herald.application.port.ConnectionRegistry;
import io.herald.application.port.Fanout;
import io.herald.application.port.Presence;
import io.herald.application.spi.PushFormat;
import io.herald.application.port.RosterChanges;
import io.lettuce.core.RedisClient;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * Several server nodes as one, when {@code redis.uri} names a Redis: this node's own delivery engine, registry and
 * roster news (named {@value #LOCAL}) are wrapped to reach the other nodes. Without it none of this exists and a
 * node runs alone, in-process.
 */
@Factory
@Requires(property = RedisFactory.URI)
public class RedisFactory {
    static final String URI = "redis.uri";
    /** The name under which the server shape registers its own node's devices. */
    static final String LOCAL = "local";

    @Context
    @Bean(preDestroy = "close")
    RedisLink redisLink(RedisClient client, RedisSettings settings) {
        RedisLink link = new RedisLink(client, settings);
        link.start();
        return link;
    }

    /** Made at start, so frames relayed by other nodes reach this node's sockets before anything is sent here. */
    @Context
    @Primary
    Fanout clusterFanout(@Named(LOCAL) Fanout local, PushFormat format, RedisLink link) {
        return new ClusterFanout(local, format, link);
    }

    @Context
    @Primary
    @Bean(preDestroy = "close")
    ClusterConnections clusterConnections(@Named(LOCAL) ConnectionRegistry local, @Named(LOCAL) Presence presence,
            RedisLink link) {
        return new ClusterConnections(local, presence, link);
    }

    @Context
    @Primary
    RosterChanges clusterRosterChanges(RedisLink link) {
        return new ClusterRosterChanges(link);
    }

    @Singleton
    RelayHealthIndicator relayHealth(RedisLink link) {
        return new RelayHealthIndicator(link);
    }
}
