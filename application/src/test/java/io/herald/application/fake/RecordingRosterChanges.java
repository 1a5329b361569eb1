package io.herald.application.fake;

import io.herald.application.port.RosterChanges;
import io.herald.domain.SessionId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what this node announced, and lets a test play another node announcing a change or a lost relay. */
public final class RecordingRosterChanges implements RosterChanges {
    private final List<SessionId> announced = new CopyOnWriteArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void announce(SessionId session) {
        announced.add(session);
    }

    @Override
    public void subscribe(Listener listener) {
        listeners.add(listener);
    }

    public List<SessionId> announced() {
        return List.copyOf(announced);
    }

    public void anotherNodeChanged(SessionId session) {
        listeners.forEach(l -> l.changed(session));
    }

    public void relayWasDown() {
        listeners.forEach(Listener::mayHaveMissedChanges);
    }
}
