package io.herald.adapter.micronaut;

import io.herald.application.port.Clock;
import java.time.Instant;

/** The wall clock, at millisecond precision so every stored and pushed timestamp reads the same everywhere. */
final class SystemClock implements Clock {
    @Override
    public Instant now() {
        return Instant.ofEpochMilli(System.currentTimeMillis());
    }
}
