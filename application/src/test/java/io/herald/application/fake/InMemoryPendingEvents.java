package io.herald.application.fake;

import io.herald.application.spi.PendingEvents;
import io.herald.domain.GameEvent;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Held events in a map behind one lock, keyed like the real store by session and event id. */
public final class InMemoryPendingEvents implements PendingEvents {
    private record Held(GameEvent event, Instant acceptedAt) {
    }

    private final Map<String, Held> held = new LinkedHashMap<>();

    @Override
    public synchronized void hold(GameEvent event, Instant acceptedAt) {
        held.putIfAbsent(key(event), new Held(event, acceptedAt));
    }

    @Override
    public synchronized void release(GameEvent event) {
        held.remove(key(event));
    }

    @Override
    public synchronized List<GameEvent> heldSince(Instant acceptedBefore, int limit) {
        return held.values().stream()
                .filter(h -> h.acceptedAt().isBefore(acceptedBefore))
                .sorted(Comparator.comparing(Held::acceptedAt))
                .limit(limit)
                .map(Held::event)
                .toList();
    }

    private static String key(GameEvent event) {
        return event.session() + "|" + event.id();
    }
}
