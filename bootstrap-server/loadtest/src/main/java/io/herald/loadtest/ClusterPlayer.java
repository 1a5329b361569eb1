package io.herald.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** One player of a cluster run across reconnections: its team, the connection it uses now and every one before. */
final class ClusterPlayer {
    private final RegisteredPlayer player;
    private final int team;
    private final List<PlayerSession> connections = new ArrayList<>();
    private final AtomicBoolean moving = new AtomicBoolean();

    ClusterPlayer(RegisteredPlayer player, int team, PlayerSession first) {
        this.player = player;
        this.team = team;
        connections.add(first);
    }

    RegisteredPlayer player() {
        return player;
    }

    int team() {
        return team;
    }

    synchronized PlayerSession current() {
        return connections.getLast();
    }

    /** The node of the current connection, even while it is being replaced. */
    synchronized int node() {
        return current().node();
    }

    synchronized void moveTo(PlayerSession next) {
        connections.add(next);
    }

    synchronized List<PlayerSession> connections() {
        return List.copyOf(connections);
    }

    /** Whether a connection of this player joined at or before {@code sinceNanos} and is still open. */
    synchronized boolean joinedThroughout(long sinceNanos) {
        for (PlayerSession connection : connections) {
            if (connection.isOpen() && connection.joinedAtNanos().isPresent()
                    && connection.joinedAtNanos().getAsLong() <= sinceNanos) {
                return true;
            }
        }
        return false;
    }

    /** Claims the right to replace the connection; false if a replacement is already under way. */
    boolean startMoving() {
        return moving.compareAndSet(false, true);
    }

    void doneMoving() {
        moving.set(false);
    }
}
