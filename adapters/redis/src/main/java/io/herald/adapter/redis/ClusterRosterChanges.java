package io.herald.adapter.redis;

import io.herald.application.port.RosterChanges;
import io.herald.domain.SessionId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Roster news between nodes: a change made here is announced over the relay; a change announced elsewhere reaches
 * this node's cache. While Redis is away, news goes both ways unheard: when the link comes back, this node's cache
 * forgets what it holds, and the changes made here meanwhile are announced then.
 */
final class ClusterRosterChanges implements RosterChanges {
    /** Beyond this many unannounced changes the rest is left to the caches' maximum age. */
    private static final int MAX_UNANNOUNCED = 10_000;

    private final RedisLink link;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Set<SessionId> unannounced = new LinkedHashSet<>();

    ClusterRosterChanges(RedisLink link) {
        this.link = link;
        link.onMessage(message -> {
            if (message instanceof RelayMessage.RosterChanged changed) {
                listeners.forEach(listener -> listener.changed(changed.session()));
            }
        });
        link.onReconnect(() -> {
            listeners.forEach(Listener::mayHaveMissedChanges);
            announceWhatWasUnheard();
        });
    }

    @Override
    public void announce(SessionId session) {
        boolean taken = link.publish(new RelayMessage.RosterChanged(link.node(), session));
        synchronized (unannounced) {
            if (!taken && unannounced.size() < MAX_UNANNOUNCED) {
                unannounced.add(session);
            }
        }
    }

    private void announceWhatWasUnheard() {
        List<SessionId> pending;
        synchronized (unannounced) {
            pending = new ArrayList<>(unannounced);
            unannounced.clear();
        }
        pending.forEach(this::announce);
    }

    @Override
    public void subscribe(Listener listener) {
        listeners.add(listener);
    }
}
