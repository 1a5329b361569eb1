package io.herald.adapter.websocket;

import io.herald.application.port.Audience;
import io.herald.application.port.ConnectionCloser;
import io.herald.application.port.ConnectionRegistry;
import io.herald.application.port.Fanout;
import io.herald.application.port.Presence;
import io.herald.application.port.Push;
import io.herald.application.spi.PushFormat;
import io.herald.application.port.Reach;
import io.herald.application.port.RoomSubscriptions;
import io.herald.domain.Connection;
import io.herald.domain.ConnectionId;
import io.herald.domain.PlayerId;
import io.herald.domain.RoomId;
import io.herald.domain.SessionId;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devices connected to this node, held in memory and indexed by session and by player: the server's connection
 * registry, its presence, and the delivery engine for its own sockets. A push is encoded once and written to every
 * matching socket; nothing is asked of the store to find anyone, because this process holds the sockets itself.
 */
public final class LocalConnections implements ConnectionRegistry, Presence, Fanout, RoomSubscriptions,
        ConnectionCloser {
    /** The code a socket closed by the server's connection manager (inactive, or disconnected by an admin) sees. */
    static final CloseReason CLOSED_BY_SERVER = new CloseReason(4001, "closed_by_server");

    private static final Logger LOG = LoggerFactory.getLogger(LocalConnections.class);

    private final PushFormat format;
    private final Map<ConnectionId, Connection> connections = new ConcurrentHashMap<>();
    private final Map<ConnectionId, WebSocketSession> sockets = new ConcurrentHashMap<>();
    /** Joined devices by session, then player. Changed only inside {@code compute} on the session, read without locks. */
    private final Map<SessionId, Map<PlayerId, Set<ConnectionId>>> joined = new ConcurrentHashMap<>();
    private final RoomFollowers rooms;

    public LocalConnections(PushFormat format) {
        this.format = format;
        this.rooms = new RoomFollowers(format, sockets::get);
    }

    @Override
    public Subscription open(ConnectionId connection, RoomId room) {
        return rooms.open(connection, room);
    }

    @Override
    public boolean close(ConnectionId connection, RoomId room) {
        return rooms.close(connection, room);
    }

    @Override
    public List<ConnectionId> subscribers(RoomId room) {
        return rooms.subscribers(room);
    }

    /** The socket a connection's frames go to, from the moment its handshake is accepted. */
    void attach(ConnectionId id, WebSocketSession socket) {
        sockets.put(id, socket);
    }

    /** The socket is gone; the connection itself is forgotten by {@link #remove} once its lane gets to it. */
    void detach(ConnectionId id) {
        sockets.remove(id);
    }

    /** Closes the socket if it is this node's; the close then runs its usual course (the lane forgets it). */
    @Override
    public boolean close(ConnectionId connection) {
        WebSocketSession socket = sockets.get(connection);
        if (socket == null) {
            return false;
        }
        try {
            socket.close(CLOSED_BY_SERVER);
        } catch (RuntimeException alreadyClosing) {
            LOG.debug("closing {} failed; it is closing already", connection, alreadyClosing);
        }
        return true;
    }

    /** Sockets open on this node, joined to a session or not yet. */
    public int openSockets() {
        return sockets.size();
    }

    @Override
    public void save(Connection connection) {
        connections.put(connection.id(), connection);
        if (connection.joined()) {
            joined.compute(connection.session(), (session, players) -> {
                Map<PlayerId, Set<ConnectionId>> present = players == null ? new ConcurrentHashMap<>() : players;
                present.computeIfAbsent(connection.player(), p -> ConcurrentHashMap.newKeySet()).add(connection.id());
                return present;
            });
        }
    }

    @Override
    public Optional<Connection> find(ConnectionId id) {
        return Optional.ofNullable(connections.get(id));
    }

    @Override
    public List<Connection> ofPlayer(SessionId session, PlayerId player) {
        return resolve(joined.getOrDefault(session, Map.of()).getOrDefault(player, Set.of()));
    }

    @Override
    public List<Connection> ofSession(SessionId session) {
        List<Connection> all = new ArrayList<>();
        joined.getOrDefault(session, Map.of()).values().forEach(ids -> all.addAll(resolve(ids)));
        return all;
    }

    private List<Connection> resolve(Set<ConnectionId> ids) {
        return ids.stream().map(connections::get).filter(c -> c != null).toList();
    }

    @Override
    public Optional<Connection> remove(ConnectionId id) {
        sockets.remove(id);
        rooms.closeAll(id);
        Connection removed = connections.remove(id);
        if (removed != null && removed.joined()) {
            joined.computeIfPresent(removed.session(), (session, players) -> {
                players.computeIfPresent(removed.player(), (player, ids) -> {
                    ids.remove(id);
                    return ids.isEmpty() ? null : ids;
                });
                return players.isEmpty() ? null : players;
            });
        }
        return Optional.ofNullable(removed);
    }

    @Override
    public Map<PlayerId, Integer> devicesOnline(SessionId session) {
        Map<PlayerId, Integer> devices = new HashMap<>();
        joined.getOrDefault(session, Map.of()).forEach((player, ids) -> {
            if (!ids.isEmpty()) {
                devices.put(player, ids.size());
            }
        });
        return devices;
    }

    /** Encodes once, when any device here is in the audience, and writes the same frame to each of them. */
    @Override
    public Reach send(Audience audience, Push push) {
        return switch (audience) {
            case Audience.Room room -> sendToRoom(room.room(), push);
            case Audience.InSession inSession -> sendInSession(inSession, push);
        };
    }

    private Reach sendToRoom(RoomId room, Push push) {
        ByteBuf frame = Unpooled.copiedBuffer(format.encode(push), StandardCharsets.UTF_8);
        try {
            return rooms.send(room, push, frame);
        } finally {
            frame.release();
        }
    }

    private Reach sendInSession(Audience.InSession audience, Push push) {
        Map<PlayerId, Set<ConnectionId>> players = joined.get(audience.session());
        if (players == null) {
            return Reach.NONE;
        }
        ByteBuf frame = Unpooled.copiedBuffer(format.encode(push), StandardCharsets.UTF_8);
        try {
            return switch (audience) {
                case Audience.Player player -> write(players.getOrDefault(player.player(), Set.of()), frame);
                case Audience.Session session -> {
                    Reach reach = Reach.NONE;
                    for (Map.Entry<PlayerId, Set<ConnectionId>> entry : players.entrySet()) {
                        if (audience.includes(session.session(), entry.getKey())) {
                            reach = reach.plus(write(entry.getValue(), frame));
                        }
                    }
                    yield reach;
                }
            };
        } finally {
            frame.release();
        }
    }

    /** Every socket gets a view of the same encoded bytes: a push to a thousand devices is encoded once. */
    private Reach write(Set<ConnectionId> ids, ByteBuf frame) {
        int sent = 0;
        int gone = 0;
        int failed = 0;
        for (ConnectionId id : ids) {
            WebSocketSession socket = sockets.get(id);
            if (socket == null || !socket.isOpen()) {
                gone++;
                continue;
            }
            TextWebSocketFrame copy = new TextWebSocketFrame(frame.retainedDuplicate());
            try {
                socket.sendAsync(copy).whenComplete((ok, error) -> {
                    if (error != null) {
                        LOG.debug("push to {} failed; what it carried stays owed", id, error);
                    }
                });
                sent++;
            } catch (RuntimeException closedMeanwhile) {
                copy.release();
                failed++;
            }
        }
        return new Reach(sent, gone, failed);
    }

    /**
     * Closes every socket with 1001 so clients reconnect elsewhere. Netty writes a channel's frames in order, so the
     * pushes already handed to it go out before the close frame.
     */
    void closeAll() {
        sockets.values().forEach(socket -> {
            try {
                socket.close(CloseReason.GOING_AWAY);
            } catch (RuntimeException e) {
                LOG.debug("closing a socket at shutdown failed", e);
            }
        });
        sockets.clear();
        rooms.shutdown();
    }
}
