package io.herald.application.port;

import io.herald.domain.GameEvent;

/** Hands a recorded game event on to orchestration: EventBridge in Lambda, an in-process queue in the server. */
public interface EventPublisher {
    void publish(GameEvent event);
}
