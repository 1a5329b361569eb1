package io.herald.adapter.websocket;

import io.herald.adapter.wire.SettingCheck;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;
import java.time.Duration;

/**
 * {@code herald.websocket.*}: what one device may cost this node. A message in is bounded by a constant (clients are
 * built against it); what waits to go out to a device that does not read, and how long a closing device is given to
 * take its close frame, are settings. Bound at start, so a bad value stops the start.
 *
 * @param maxQueuedBytes bytes that may wait for one device before it is closed with 4008 ({@code 1MB} and the like)
 * @param closeGrace how long a close frame may take to go out before the connection is dropped anyway
 */
@Context
@ConfigurationProperties(SocketLimits.PREFIX)
public record SocketLimits(
        @ReadableBytes @Bindable(defaultValue = "1MB") long maxQueuedBytes,
        @Bindable(defaultValue = "5s") Duration closeGrace) {
    /** The largest message a client may send, counted after its fragments are joined; larger closes with 1009. */
    public static final int MAX_MESSAGE_BYTES = 65_536;
    static final String PREFIX = "herald.websocket";
    private static final SettingCheck CHECK = new SettingCheck(PREFIX);

    public SocketLimits {
        CHECK.atLeast("max-queued-bytes", maxQueuedBytes, 1);
        CHECK.notNegative("close-grace", closeGrace);
    }
}
