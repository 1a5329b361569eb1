package io.herald.application;

import io.herald.application.port.Audience;
import io.herald.application.port.ConnectionGateway;
import io.herald.application.port.ConnectionRegistry;
import io.herald.application.port.Fanout;
import io.herald.application.port.Push;
import io.herald.application.port.Reach;
import io.herald.domain.Connection;
import java.util.List;

/**
 * Delivery where the sockets live outside the process (API Gateway): the audience's connections are looked up in
 * the registry, each is pushed through the gateway, and the ones the gateway reports gone are forgotten.
 */
public final class RegistryFanout implements Fanout {
    private static final System.Logger LOG = System.getLogger(RegistryFanout.class.getName());

    private final ConnectionRegistry connections;
    private final ConnectionGateway gateway;

    public RegistryFanout(ConnectionRegistry connections, ConnectionGateway gateway) {
        this.connections = connections;
        this.gateway = gateway;
    }

    @Override
    public Reach send(Audience audience, Push push) {
        List<Connection> targets = switch (audience) {
            case Audience.Player player -> connections.ofPlayer(player.session(), player.player());
            case Audience.Session session -> connections.ofSession(session.session()).stream()
                    .filter(c -> audience.includes(c.session(), c.player()))
                    .toList();
        };
        int sent = 0;
        int gone = 0;
        int failed = 0;
        for (Connection target : targets) {
            switch (pushOne(target, push)) {
                case SENT -> sent++;
                case GONE -> {
                    connections.remove(target.id());
                    gone++;
                }
                case FAILED -> failed++;
            }
        }
        return new Reach(sent, gone, failed);
    }

    private ConnectionGateway.PushResult pushOne(Connection target, Push push) {
        try {
            return gateway.push(target.id(), push);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "push to " + target.id() + " failed; the message stays owed", e);
            return ConnectionGateway.PushResult.FAILED;
        }
    }
}
