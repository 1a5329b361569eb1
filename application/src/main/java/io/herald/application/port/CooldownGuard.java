package io.herald.application.port;

import io.herald.domain.CooldownWindow;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * The per-player quiet period as one atomic decision: of two concurrent attempts exactly one opens the window.
 * A read-then-write would let both through, which is why this is a port of its own.
 */
public interface CooldownGuard {

    /**
     * Opens {@code window} unless another event's window is still running at {@code now}; a window held by the
     * same event admits it again. Returns the window that blocks, if any.
     */
    Optional<CooldownWindow> tryOpen(SessionId session, PlayerId player, CooldownWindow window, Instant now);

    /** Starts a window whatever holds now: a broadcast is not held back, but the players it reached rest after it. */
    void restart(SessionId session, Collection<PlayerId> players, CooldownWindow window);
}
