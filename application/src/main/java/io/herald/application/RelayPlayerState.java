package io.herald.application;

import io.herald.application.port.Audience;
import io.herald.application.port.Clock;
import io.herald.application.port.ConnectionRegistry;
import io.herald.application.port.Fanout;
import io.herald.application.port.Push;
import io.herald.application.port.SessionDirectory;
import io.herald.domain.Connection;
import io.herald.domain.ConnectionId;
import io.herald.domain.PlayerState;
import io.herald.domain.PositionRelay;
import io.herald.domain.Refusal;
import io.herald.domain.Team;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Passes a player's position to the rest of the team when the team travels independently, throttled per player.
 * The throttle lives in this process only: positions are disposable, so a lost window costs one extra update.
 */
public final class RelayPlayerState {
    private final ConnectionRegistry connections;
    private final SessionDirectory directory;
    private final Fanout fanout;
    private final Clock clock;
    private final PositionRelay relay;
    private final Map<Connection.Key, Instant> lastRelayed = new ConcurrentHashMap<>();
    private volatile Instant lastSwept = Instant.MIN;

    public RelayPlayerState(ConnectionRegistry connections, SessionDirectory directory, Fanout fanout, Clock clock,
            PositionRelay relay) {
        this.connections = connections;
        this.directory = directory;
        this.fanout = fanout;
        this.clock = clock;
        this.relay = relay;
    }

    public record Command(ConnectionId connection, PlayerState state) {
    }

    public sealed interface Outcome permits Relayed, Dropped, Refused {
    }

    public record Relayed(int devices) implements Outcome {
    }

    public record Dropped(PositionRelay.Verdict verdict) implements Outcome {
    }

    public Outcome relay(Command command) {
        Optional<Connection> connection = connections.find(command.connection()).filter(Connection::joined);
        if (connection.isEmpty()) {
            return new Refused(Refusal.UNKNOWN_CONNECTION);
        }
        Connection sender = connection.get();
        Optional<Team> team = directory.teamOf(sender.session());
        if (team.isEmpty()) {
            return new Refused(Refusal.UNKNOWN_SESSION);
        }
        Instant now = clock.now();
        Connection.Key player = sender.key();
        PositionRelay.Verdict verdict = relay.decide(team.get().travelMode(), Optional.ofNullable(lastRelayed.get(player)), now);
        if (verdict != PositionRelay.Verdict.RELAY) {
            return new Dropped(verdict);
        }
        lastRelayed.put(player, now);
        forgetThoseOlderThanTheInterval(now);
        Push update = new Push.PlayerStateUpdate(sender.session(), sender.player(), command.state());
        return new Relayed(fanout.send(Audience.othersIn(sender.session(), sender.player()), update).sent());
    }

    /**
     * A relay older than the interval throttles nothing, so it is forgotten: players who left stop costing memory.
     * One sweep per interval keeps the cost at one pass over the players who spoke within two intervals.
     */
    private void forgetThoseOlderThanTheInterval(Instant now) {
        if (now.isBefore(lastSwept.plus(relay.interval()))) {
            return;
        }
        lastSwept = now;
        lastRelayed.values().removeIf(last -> !now.isBefore(last.plus(relay.interval())));
    }

    /** Players whose last relay still throttles them, or did until the last sweep. */
    int remembered() {
        return lastRelayed.size();
    }
}
