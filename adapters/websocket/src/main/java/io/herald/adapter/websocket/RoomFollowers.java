package io.herald.adapter.websocket;

import io.herald.application.port.Push;
import io.herald.application.spi.PushFormat;
import io.herald.application.port.Reach;
import io.herald.application.port.RoomSubscriptions;
import io.herald.domain.ConnectionId;
import io.herald.domain.RoomId;
import io.micronaut.websocket.WebSocketSession;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** The room subscriptions of this node's sockets, by room and by connection. */
final class RoomFollowers implements RoomSubscriptions {
    /** How long a message that overtook another waits for it before going out anyway. */
    static final Duration GAP_WAIT = Duration.ofMillis(500);

    private final PushFormat format;
    private final Function<ConnectionId, WebSocketSession> sockets;
    private final Map<RoomId, Map<ConnectionId, RoomFollower>> byRoom = new ConcurrentHashMap<>();
    private final Map<ConnectionId, Set<RoomId>> byConnection = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "herald-room-gaps");
        thread.setDaemon(true);
        return thread;
    });

    RoomFollowers(PushFormat format, Function<ConnectionId, WebSocketSession> sockets) {
        this.format = format;
        this.sockets = sockets;
    }

    @Override
    public Subscription open(ConnectionId connection, RoomId room) {
        WebSocketSession socket = sockets.apply(connection);
        if (socket == null) {
            return (first, through) -> { };
        }
        RoomFollower follower = new RoomFollower(sink(socket), f -> timer.schedule(f::gapTimedOut,
                GAP_WAIT.toMillis(), TimeUnit.MILLISECONDS));
        RoomFollower previous = byRoom.computeIfAbsent(room, r -> new ConcurrentHashMap<>()).put(connection, follower);
        if (previous != null) {
            previous.close();
        }
        byConnection.computeIfAbsent(connection, c -> ConcurrentHashMap.newKeySet()).add(room);
        return (first, through) -> follower.start(first.stream().map(format::encode).toList(), through);
    }

    private static RoomFollower.Sink sink(WebSocketSession socket) {
        return new RoomFollower.Sink() {
            @Override
            public boolean isOpen() {
                return socket.isOpen();
            }

            @Override
            public void write(ByteBuf frame) {
                TextWebSocketFrame wsFrame = new TextWebSocketFrame(frame);
                try {
                    socket.sendAsync(wsFrame);
                } catch (RuntimeException closedMeanwhile) {
                    wsFrame.release();
                }
            }
        };
    }

    @Override
    public boolean close(ConnectionId connection, RoomId room) {
        Set<RoomId> rooms = byConnection.get(connection);
        if (rooms != null) {
            rooms.remove(room);
        }
        return forget(connection, room);
    }

    /** Every subscription of a connection that is gone. */
    void closeAll(ConnectionId connection) {
        Set<RoomId> rooms = byConnection.remove(connection);
        if (rooms != null) {
            rooms.forEach(room -> forget(connection, room));
        }
    }

    private boolean forget(ConnectionId connection, RoomId room) {
        boolean[] was = new boolean[1];
        byRoom.computeIfPresent(room, (r, followers) -> {
            RoomFollower follower = followers.remove(connection);
            if (follower != null) {
                follower.close();
                was[0] = true;
            }
            return followers.isEmpty() ? null : followers;
        });
        return was[0];
    }

    /** Hands each follower of the room its own view of the one encoded frame. */
    Reach send(RoomId room, Push push, ByteBuf frame) {
        Map<ConnectionId, RoomFollower> followers = byRoom.get(room);
        if (followers == null) {
            return Reach.NONE;
        }
        long offset = Push.offsetOf(push);
        int sent = 0;
        for (RoomFollower follower : followers.values()) {
            follower.offer(offset, frame.retainedDuplicate());
            sent++;
        }
        return new Reach(sent, 0, 0);
    }

    @Override
    public List<ConnectionId> subscribers(RoomId room) {
        return List.copyOf(byRoom.getOrDefault(room, Map.of()).keySet());
    }

    int subscriptions() {
        return byRoom.values().stream().mapToInt(Map::size).sum();
    }

    void shutdown() {
        timer.shutdownNow();
    }
}
