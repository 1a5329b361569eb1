package io.herald.application.spi;

import io.herald.domain.GameEvent;
import java.time.Instant;
import java.util.List;

/**
 * Events a server node answered "accepted" for and has not finished orchestrating, kept in the store: an event is
 * held before its 2xx and released once orchestration has finished with it, so one whose node died (kill -9, a lost
 * machine) is found there and orchestrated by a node that restarts or survives. Orchestration is idempotent, so an
 * event finished twice changes nothing.
 */
public interface PendingEvents {

    /** Keeps the event until it is released; holding the same event again changes nothing. */
    void hold(GameEvent event, Instant acceptedAt);

    /** Orchestration has finished with the event; releasing one that is not held is harmless. */
    void release(GameEvent event);

    /** Events still held that were accepted before {@code acceptedBefore}, oldest first, at most {@code limit}. */
    List<GameEvent> heldSince(Instant acceptedBefore, int limit);
}
