package io.herald.application.port;

import io.herald.domain.GameEvent;
import java.time.Duration;
import java.util.Objects;

/** Hands a recorded game event on to orchestration: EventBridge in Lambda, an in-process queue in the server. */
public interface EventPublisher {

    /**
     * Takes the event, or throws {@link Unavailable} when it cannot be taken now (nothing was accepted then, and the
     * caller should say so and when to try again rather than pretend the event will be orchestrated).
     */
    void publish(GameEvent event);

    /** Orchestration cannot take the event now: a full queue, a stopping node, an event bus that keeps refusing. */
    final class Unavailable extends RuntimeException {
        private final transient Duration retryAfter;

        public Unavailable(String reason, Duration retryAfter, Throwable cause) {
            super(reason, cause);
            this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
        }

        /** When trying again makes sense. */
        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
