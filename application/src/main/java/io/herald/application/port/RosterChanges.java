package io.herald.application.port;

import io.herald.domain.SessionId;

/**
 * News that a session's roster changed, passed between the nodes that cache rosters, so none keeps serving a stale
 * one. In one process the news has nowhere to go; across several it travels over the relay.
 */
public interface RosterChanges {

    /** Tells every other node that this session's roster changed. */
    void announce(SessionId session);

    /** Starts telling {@code listener} what other nodes announce. */
    void subscribe(Listener listener);

    interface Listener {
        void changed(SessionId session);

        /** News may have been missed (the relay was down): anything cached may be stale. */
        void mayHaveMissedChanges();
    }
}
