package io.herald.adapter.eventbridge;

import io.herald.adapter.wire.SettingCheck;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code herald.eventbridge.*}: which bus and source events are published under, and how long a publish may keep
 * trying. The endpoint, region and credentials are the SDK client's ({@code aws.*} settings). Bound at start when
 * switched on, so a bad value stops the start.
 *
 * @param source what rules match Herald's events by; never under {@code aws.}, which AWS reserves (and the decoder
 *        reads {@code aws.events} as the schedule's)
 * @param publishAttempts PutEvents calls per batch at most, the first included; the SDK itself does not retry (see
 *        the client factory)
 * @param publishDeadline no new attempt starts after this much time from the start of a publish
 */
@Context
@ConfigurationProperties(EventBridgeSettings.PREFIX)
@Requires(property = EventBridgeSettings.ENABLED, value = "true")
public record EventBridgeSettings(
        @Bindable(defaultValue = "default") String busName,
        @Bindable(defaultValue = "herald.game") String source,
        @Bindable(defaultValue = "5") int publishAttempts,
        @Bindable(defaultValue = "5s") Duration publishDeadline) {
    static final String PREFIX = "herald.eventbridge";
    /** Off by default, so the module can sit on a classpath (the server's) without taking over publishing. */
    static final String ENABLED = PREFIX + ".enabled";
    private static final SettingCheck CHECK = new SettingCheck(PREFIX);

    public EventBridgeSettings {
        CHECK.notBlank("bus-name", busName);
        CHECK.notBlank("source", source);
        if (source.startsWith("aws.")) {
            throw CHECK.invalid("source", "must not start with \"aws.\", which AWS reserves, was " + source);
        }
        CHECK.atLeast("publish-attempts", publishAttempts, 1);
        CHECK.notNegative("publish-deadline", publishDeadline);
    }
}
