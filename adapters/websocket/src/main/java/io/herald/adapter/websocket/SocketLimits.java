package io.herald.adapter.websocket;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.convert.format.ReadableBytes;
import java.time.Duration;

/**
 * {@code herald.websocket.*}: what one device may cost this node. A message in is bounded by a constant (clients are
 * built against it); what waits to go out to a device that does not read, and how long a closing device is given to
 * take its close frame, are settings.
 */
@ConfigurationProperties("herald.websocket")
public class SocketLimits {
    /** The largest message a client may send, counted after its fragments are joined; larger closes with 1009. */
    public static final int MAX_MESSAGE_BYTES = 65_536;

    private long maxQueuedBytes = 1_048_576;
    private Duration closeGrace = Duration.ofSeconds(5);

    public long getMaxQueuedBytes() {
        return maxQueuedBytes;
    }

    public void setMaxQueuedBytes(@ReadableBytes long maxQueuedBytes) {
        if (maxQueuedBytes < 1) {
            throw new IllegalArgumentException("herald.websocket.max-queued-bytes must be positive");
        }
        this.maxQueuedBytes = maxQueuedBytes;
    }

    public Duration getCloseGrace() {
        return closeGrace;
    }

    public void setCloseGrace(Duration closeGrace) {
        if (closeGrace.isNegative()) {
            throw new IllegalArgumentException("herald.websocket.close-grace must not be negative");
        }
        this.closeGrace = closeGrace;
    }
}
