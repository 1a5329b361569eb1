package io.herald.application.fake;

import io.herald.application.port.EventPublisher;
import io.herald.domain.GameEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what was published, in order. */
public final class RecordingPublisher implements EventPublisher {
    private final List<GameEvent> published = new CopyOnWriteArrayList<>();

    @Override
    public void publish(GameEvent event) {
        published.add(event);
    }

    public List<GameEvent> published() {
        return List.copyOf(published);
    }
}
