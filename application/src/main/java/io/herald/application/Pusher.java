package io.herald.application;

import io.herald.application.port.ConnectionGateway;
import io.herald.application.port.ConnectionRegistry;
import io.herald.application.port.Push;
import io.herald.domain.Connection;
import java.util.List;

/** Pushes to a set of connections and forgets the ones the gateway reports gone, for every use case that pushes. */
final class Pusher {
    private static final System.Logger LOG = System.getLogger(Pusher.class.getName());
    private final ConnectionGateway gateway;
    private final ConnectionRegistry connections;

    Pusher(ConnectionGateway gateway, ConnectionRegistry connections) {
        this.gateway = gateway;
        this.connections = connections;
    }

    /** Tally of one push round: a failed push leaves the message owed, so it is counted, not thrown. */
    record Tally(int sent, int gone, int failed) {
        static final Tally NONE = new Tally(0, 0, 0);

        Tally plus(Tally other) {
            return new Tally(sent + other.sent, gone + other.gone, failed + other.failed);
        }
    }

    Tally pushTo(List<Connection> targets, Push push) {
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
        return new Tally(sent, gone, failed);
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
