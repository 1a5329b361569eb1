package io.herald.adapter.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's line to the other nodes: one Redis connection for commands, one subscribed to the relay channel, and
 * a heartbeat that says this node is alive. Redis may be down when the node starts or go away later; the node keeps
 * serving its own sockets, commands fail fast instead of queueing, and when the link comes back everyone who
 * depends on it is told, so they can resend what Redis may have lost (presence) or forget what they may have
 * missed (cached rosters).
 */
final class RedisLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisLink.class);

    private final RedisClient client;
    private final RedisSettings settings;
    private final String node = UUID.randomUUID().toString();
    private final String channel;
    private final String nodesKey;
    private final List<Consumer<RelayMessage>> receivers = new CopyOnWriteArrayList<>();
    private final List<Runnable> onReconnect = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("herald-redis-link").factory());
    private final AtomicBoolean commandsUp = new AtomicBoolean();
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private final AtomicBoolean everDown = new AtomicBoolean();
    private final AtomicLong unrelayed = new AtomicLong();
    private volatile StatefulRedisConnection<String, String> commands;
    private volatile StatefulRedisPubSubConnection<String, String> pubSub;
    private volatile String lastProblem = "not connected yet";
    private volatile boolean closed;

    RedisLink(RedisClient client, RedisSettings settings) {
        this.client = client;
        this.settings = settings;
        this.channel = settings.prefix() + ":relay";
        this.nodesKey = settings.prefix() + ":nodes";
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // A frame relayed minutes late would arrive out of order and after catch-up: better not at all.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(settings.commandTimeout()))
                .build());
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(io.lettuce.core.RedisChannelHandler<?, ?> connection, SocketAddress address) {
                if (connection == commands) {
                    commandsUp.set(true);
                }
                if (connection == pubSub) {
                    subscribed.set(true);
                }
                if (isUp() && everDown.getAndSet(false)) {
                    timer.execute(RedisLink.this::reconnected);
                }
            }

            @Override
            public void onRedisDisconnected(io.lettuce.core.RedisChannelHandler<?, ?> connection) {
                if (connection == commands) {
                    commandsUp.set(false);
                }
                if (connection == pubSub) {
                    subscribed.set(false);
                }
                everDown.set(true);
                lastProblem = "lost the connection to Redis; reconnecting";
            }
        });
    }

    /** Connects now if Redis answers, and keeps trying in the background if it does not. */
    void start() {
        timer.execute(this::connect);
        timer.scheduleAtFixedRate(this::heartbeat, 0, settings.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void connect() {
        if (closed || commands != null) {
            return;
        }
        try {
            StatefulRedisConnection<String, String> connected = client.connect();
            StatefulRedisPubSubConnection<String, String> listening = client.connectPubSub();
            listening.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String from, String text) {
                    receive(text);
                }
            });
            listening.sync().subscribe(channel);
            commands = connected;
            pubSub = listening;
            commandsUp.set(true);
            subscribed.set(true);
            lastProblem = "";
            LOG.info("node {} relays over Redis channel {}", node, channel);
            if (everDown.getAndSet(false)) {
                reconnected();
            }
        } catch (RuntimeException e) {
            everDown.set(true);
            lastProblem = "cannot reach Redis: " + e.getMessage();
            LOG.warn("Redis is not reachable ({}); serving this node's own sockets only, trying again", e.getMessage());
            timer.schedule(this::connect, 1, TimeUnit.SECONDS);
        }
    }

    private void reconnected() {
        LOG.info("the link to Redis is back; resending presence and forgetting cached rosters");
        heartbeat();
        onReconnect.forEach(action -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("catching up after Redis came back failed", e);
            }
        });
    }

    private void heartbeat() {
        Optional<RedisAsyncCommands<String, String>> redis = async();
        if (redis.isEmpty()) {
            return;
        }
        long now = System.currentTimeMillis();
        redis.get().zadd(nodesKey, now, node);
        redis.get().zremrangebyscore(nodesKey, io.lettuce.core.Range.create(0, now - 10 * settings.nodeTimeout().toMillis()));
    }

    private void receive(String text) {
        Optional<RelayMessage> message = RelayMessage.decode(text);
        if (message.isEmpty()) {
            LOG.debug("ignored a relay message this node cannot read");
            return;
        }
        if (node.equals(message.get().origin())) {
            return;
        }
        for (Consumer<RelayMessage> receiver : receivers) {
            try {
                receiver.accept(message.get());
            } catch (RuntimeException e) {
                LOG.warn("a relayed message could not be handled", e);
            }
        }
    }

    /** Sends to every other node; never blocks. Returns false when Redis is not there to take it. */
    boolean publish(RelayMessage message) {
        Optional<RedisAsyncCommands<String, String>> redis = async();
        if (redis.isEmpty()) {
            unrelayed.incrementAndGet();
            return false;
        }
        redis.get().publish(channel, RelayMessage.encode(message)).whenComplete((receivers, error) -> {
            if (error != null) {
                unrelayed.incrementAndGet();
                LOG.debug("a relay message was not taken by Redis", error);
            }
        });
        return true;
    }

    void onMessage(Consumer<RelayMessage> receiver) {
        receivers.add(receiver);
    }

    void onReconnect(Runnable action) {
        onReconnect.add(action);
    }

    /** Commands, when the link is up; callers that must not block use the futures they return. */
    Optional<RedisAsyncCommands<String, String>> async() {
        StatefulRedisConnection<String, String> connection = commands;
        return connection != null && commandsUp.get() && connection.isOpen() ? Optional.of(connection.async())
                : Optional.empty();
    }

    /**
     * When each node last said it was alive (epoch millis), this one as of now. A node missing here is unknown,
     * not dead: Redis may have restarted and lost the heartbeats just before they are sent again.
     */
    CompletableFuture<Map<String, Long>> heartbeats() {
        Optional<RedisAsyncCommands<String, String>> redis = async();
        if (redis.isEmpty()) {
            return CompletableFuture.completedFuture(Map.of(node, System.currentTimeMillis()));
        }
        return redis.get().zrangeWithScores(nodesKey, 0, -1).toCompletableFuture().thenApply(beats -> {
            Map<String, Long> last = new HashMap<>();
            beats.forEach(beat -> last.put(beat.getValue(), (long) beat.getScore()));
            last.put(node, System.currentTimeMillis());
            return last;
        });
    }

    /** Whether a node's last heartbeat is recent enough for its devices to count. */
    boolean alive(long lastBeat) {
        return lastBeat >= System.currentTimeMillis() - settings.nodeTimeout().toMillis();
    }

    String node() {
        return node;
    }

    String prefix() {
        return settings.prefix();
    }

    Duration commandTimeout() {
        return settings.commandTimeout();
    }

    /** Up when both connections are: frames go out and come in. */
    boolean isUp() {
        return commandsUp.get() && subscribed.get();
    }

    String problem() {
        return lastProblem;
    }

    long unrelayed() {
        return unrelayed.get();
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        Optional.ofNullable(commands).ifPresent(c -> {
            try {
                c.sync().zrem(nodesKey, node);
            } catch (RuntimeException e) {
                LOG.debug("could not say goodbye to Redis", e);
            }
            c.close();
        });
        Optional.ofNullable(pubSub).ifPresent(StatefulRedisPubSubConnection::close);
    }
}
