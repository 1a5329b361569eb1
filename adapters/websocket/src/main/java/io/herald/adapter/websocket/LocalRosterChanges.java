package io.herald.adapter.websocket;

import io.herald.application.port.RosterChanges;
import io.herald.domain.SessionId;

/**
 * Roster news for a server that runs alone: the only cache is this process's own, which forgets a roster when the
 * change is made here, so there is no one to tell and nothing to hear.
 */
final class LocalRosterChanges implements RosterChanges {
    @Override
    public void announce(SessionId session) {
        // No other node caches this roster.
    }

    @Override
    public void subscribe(Listener listener) {
        // No other node will ever announce anything.
    }
}
