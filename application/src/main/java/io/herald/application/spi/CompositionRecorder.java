package io.herald.application.spi;

import io.herald.domain.EventId;
import io.herald.domain.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Keeps a record of every call to a language model: what it cost, how long it took, and how it ended (seed 003). */
public interface CompositionRecorder {

    void record(Call call);

    /** One model call; {@code fallbackReason} is present exactly when the fixed fallback text was used instead. */
    record Call(Instant at, SessionId session, EventId event, String model, int promptTokens, int completionTokens,
            Duration latency, Optional<String> fallbackReason) {
        public Call {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(latency, "latency");
            Objects.requireNonNull(fallbackReason, "fallbackReason");
        }

        public boolean ok() {
            return fallbackReason.isEmpty();
        }
    }
}
