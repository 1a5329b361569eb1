package io.herald.application.fake;

import io.herald.application.port.CooldownGuard;
import io.herald.domain.CooldownWindow;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The cooldown as an atomic compare-and-set on a concurrent map, the in-memory twin of a conditional write. */
public final class InMemoryCooldownGuard implements CooldownGuard {
    private final Map<String, CooldownWindow> windows = new ConcurrentHashMap<>();

    @Override
    public Optional<CooldownWindow> tryOpen(SessionId session, PlayerId player, CooldownWindow window, Instant now) {
        CooldownWindow[] blocking = new CooldownWindow[1];
        windows.compute(session + "|" + player, (key, current) -> {
            if (current == null || current.admits(window.holder(), now)) {
                return window;
            }
            blocking[0] = current;
            return current;
        });
        return Optional.ofNullable(blocking[0]);
    }

    @Override
    public void restart(SessionId session, PlayerId player, CooldownWindow window) {
        windows.put(session + "|" + player, window);
    }
}
