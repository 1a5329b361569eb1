package io.herald.adapter.websocket;

import io.herald.adapter.wire.SettingCheck;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code herald.events.*}: the in-process orchestration queue and its workers, and when an event held by a node that
 * died is taken over. Taking over must wait well past an event's normal time in the queue and with the model, so
 * {@code recover-after} must be longer than {@code recovery-interval}. Bound at start, so a bad value stops the start.
 */
@Context
@ConfigurationProperties(EventQueueSettings.PREFIX)
public record EventQueueSettings(
        @Bindable(defaultValue = "10000") int queueCapacity,
        @Bindable(defaultValue = "32") int workers,
        @Bindable(defaultValue = "20s") Duration recoverAfter,
        @Bindable(defaultValue = "5s") Duration recoveryInterval) {
    static final String PREFIX = "herald.events";
    private static final SettingCheck CHECK = new SettingCheck(PREFIX);

    public EventQueueSettings {
        CHECK.atLeast("queue-capacity", queueCapacity, 1);
        CHECK.atLeast("workers", workers, 1);
        CHECK.positive("recover-after", recoverAfter);
        CHECK.positive("recovery-interval", recoveryInterval);
        if (recoverAfter.compareTo(recoveryInterval) <= 0) {
            throw CHECK.invalid("recover-after", "must be longer than " + PREFIX + ".recovery-interval, was "
                    + recoverAfter.toSeconds() + "s");
        }
    }
}
