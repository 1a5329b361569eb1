package io.herald.application.fake;

import io.herald.application.port.CooldownGuard;
import io.herald.domain.CooldownWindow;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The cooldown as a compare-and-set on a map behind one lock, the in-memory twin of a conditional write. The
 * in-memory message store takes the same lock to settle a message and its window in one step.
 */
public final class InMemoryCooldownGuard implements CooldownGuard {
    private final Map<String, CooldownWindow> windows = new HashMap<>();

    @Override
    public synchronized Optional<CooldownWindow> tryOpen(SessionId session, PlayerId player, CooldownWindow window,
            Instant now) {
        Optional<CooldownWindow> blocking = blocking(session, player, window, now);
        if (blocking.isEmpty()) {
            windows.put(key(session, player), window);
        }
        return blocking;
    }

    @Override
    public synchronized void restart(SessionId session, Collection<PlayerId> players, CooldownWindow window) {
        players.forEach(player -> windows.put(key(session, player), window));
    }

    /** The window that would refuse {@code window} now, if any; callers hold this guard's lock. */
    synchronized Optional<CooldownWindow> blocking(SessionId session, PlayerId player, CooldownWindow window, Instant now) {
        CooldownWindow current = windows.get(key(session, player));
        return current == null || current.admits(window.holder(), now) ? Optional.empty() : Optional.of(current);
    }

    public synchronized Optional<CooldownWindow> windowOf(SessionId session, PlayerId player) {
        return Optional.ofNullable(windows.get(key(session, player)));
    }

    private static String key(SessionId session, PlayerId player) {
        return session + "|" + player;
    }
}
