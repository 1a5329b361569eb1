package io.herald.application;

import io.herald.application.port.Audience;
import io.herald.application.port.ConnectionGateway;
import io.herald.application.port.ConnectionRegistry;
import io.herald.application.port.Fanout;
import io.herald.application.port.Push;
import io.herald.application.port.Reach;
import io.herald.application.port.RoomSubscriptions;
import io.herald.domain.Connection;
import io.herald.domain.ConnectionId;
import java.util.List;

/**
 * Delivery where the sockets live outside the process (API Gateway): the audience's connections are looked up in
 * the registry, each is pushed through the gateway, and the ones the gateway reports gone are forgotten.
 */
public final class RegistryFanout implements Fanout {
    private static final System.Logger LOG = System.getLogger(RegistryFanout.class.getName());

    private final ConnectionRegistry connections;
    private final RoomSubscriptions rooms;
    private final ConnectionGateway gateway;

    public RegistryFanout(ConnectionRegistry connections, RoomSubscriptions rooms, ConnectionGateway gateway) {
        this.connections = connections;
        this.rooms = rooms;
        this.gateway = gateway;
    }

    @Override
    public Reach send(Audience audience, Push push) {
        List<ConnectionId> targets = switch (audience) {
            case Audience.Player player -> ids(connections.ofPlayer(player.session(), player.player()));
            case Audience.Session session -> ids(connections.ofSession(session.session()).stream()
                    .filter(c -> session.includes(c.session(), c.player()))
                    .toList());
            case Audience.Room room -> rooms.subscribers(room.room());
        };
        int sent = 0;
        int gone = 0;
        int failed = 0;
        for (ConnectionId target : targets) {
            switch (pushOne(target, push)) {
                case SENT -> sent++;
                case GONE -> {
                    connections.remove(target);
                    if (audience instanceof Audience.Room room) {
                        rooms.close(target, room.room());
                    }
                    gone++;
                }
                case FAILED -> failed++;
            }
        }
        return new Reach(sent, gone, failed);
    }

    private static List<ConnectionId> ids(List<Connection> connections) {
        return connections.stream().map(Connection::id).toList();
    }

    private ConnectionGateway.PushResult pushOne(ConnectionId target, Push push) {
        try {
            return gateway.push(target, push);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "push to " + target + " failed; the message stays owed", e);
            return ConnectionGateway.PushResult.FAILED;
        }
    }
}
