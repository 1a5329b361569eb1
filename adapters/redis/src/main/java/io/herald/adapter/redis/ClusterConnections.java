package io.herald.adapter.redis;

import io.herald.application.port.ConnectionRegistry;
import io.herald.application.port.Presence;
import io.herald.domain.Connection;
import io.herald.domain.ConnectionId;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's connections, as the other nodes need to see them: the registry stays the node's own (a frame always
 * arrives on the node holding its socket), and each change of a player's device count here is written to a Redis
 * hash per session ({@code {prefix}:presence:{session}}, field {@code {node}|{player}}). Presence adds up the fields
 * of the nodes still alive, so a node that died hard stops counting once its heartbeat is old. Without Redis it
 * answers for this node alone.
 */
final class ClusterConnections implements ConnectionRegistry, Presence {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterConnections.class);
    /** A session's presence hash outlives its last change by this much, so abandoned sessions leave nothing behind. */
    private static final Duration KEEP = Duration.ofDays(1);

    private final ConnectionRegistry local;
    private final Presence localPresence;
    private final RedisLink link;
    /** One writer, reading the count when it writes, so the last write always says the latest count. */
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("herald-presence").factory());
    private final Set<Connection.Key> written = ConcurrentHashMap.newKeySet();

    ClusterConnections(ConnectionRegistry local, Presence localPresence, RedisLink link) {
        this.local = local;
        this.localPresence = localPresence;
        this.link = link;
        link.onReconnect(() -> writer.execute(() -> written.forEach(this::write)));
    }

    @Override
    public void save(Connection connection) {
        local.save(connection);
        if (connection.joined()) {
            changed(connection.key());
        }
    }

    @Override
    public Optional<Connection> find(ConnectionId id) {
        return local.find(id);
    }

    @Override
    public List<Connection> ofPlayer(SessionId session, PlayerId player) {
        return local.ofPlayer(session, player);
    }

    @Override
    public List<Connection> ofSession(SessionId session) {
        return local.ofSession(session);
    }

    @Override
    public Optional<Connection> remove(ConnectionId id) {
        Optional<Connection> removed = local.remove(id);
        removed.filter(Connection::joined).ifPresent(connection -> changed(connection.key()));
        return removed;
    }

    private void changed(Connection.Key key) {
        written.add(key);
        writer.execute(() -> write(key));
    }

    private void write(Connection.Key key) {
        Optional<RedisAsyncCommands<String, String>> redis = link.async();
        int devices = local.ofPlayer(key.session(), key.player()).size();
        if (devices == 0) {
            written.remove(key);
        }
        if (redis.isEmpty()) {
            return;
        }
        String hash = hashOf(key.session());
        String field = link.node() + "|" + key.player().value();
        if (devices == 0) {
            redis.get().hdel(hash, field);
        } else {
            redis.get().hset(hash, field, Integer.toString(devices));
            redis.get().expire(hash, KEEP.toSeconds());
        }
    }

    /** This node's devices from memory, the other live nodes' from Redis; this node's alone when Redis is away. */
    @Override
    public Map<PlayerId, Integer> devicesOnline(SessionId session) {
        Map<PlayerId, Integer> devices = new HashMap<>(localPresence.devicesOnline(session));
        Optional<RedisAsyncCommands<String, String>> redis = link.async();
        if (redis.isEmpty()) {
            return devices;
        }
        try {
            long timeout = link.commandTimeout().toMillis();
            var fields = redis.get().hgetall(hashOf(session)).toCompletableFuture();
            Map<String, Long> heartbeats = link.heartbeats().get(timeout, TimeUnit.MILLISECONDS);
            for (Map.Entry<String, String> field : fields.get(timeout, TimeUnit.MILLISECONDS).entrySet()) {
                int bar = field.getKey().indexOf('|');
                String node = field.getKey().substring(0, Math.max(bar, 0));
                if (bar < 0 || node.equals(link.node())) {
                    continue;
                }
                Long lastBeat = heartbeats.get(node);
                if (lastBeat == null) {
                    continue;
                }
                if (!link.alive(lastBeat)) {
                    // Known and silent too long: the node died without a goodbye, so its devices are gone.
                    redis.get().hdel(hashOf(session), field.getKey());
                    continue;
                }
                devices.merge(new PlayerId(field.getKey().substring(bar + 1)), Integer.parseInt(field.getValue()),
                        Integer::sum);
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.debug("presence of other nodes unavailable; answering for this node alone", e);
        }
        return devices;
    }

    private String hashOf(SessionId session) {
        return link.prefix() + ":presence:" + session.value();
    }

    void close() {
        writer.shutdownNow();
    }
}
