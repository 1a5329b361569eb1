package io.herald.application.port;

import java.time.Instant;

/** The current time, supplied from outside so every use case is deterministic and replayable in tests. */
public interface Clock {
    Instant now();
}
