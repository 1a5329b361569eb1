package io.herald.adapter.websocket;

import io.herald.adapter.wire.SettingCheck;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code herald.rosters.*}: how many sessions' rosters a node keeps in memory, and how long one is trusted without
 * news (a backstop for a change announced while the relay was down). Bound at start, so a bad value stops the start.
 */
@Context
@ConfigurationProperties(RosterCacheSettings.PREFIX)
public record RosterCacheSettings(
        @Bindable(defaultValue = "10000") int capacity,
        @Bindable(defaultValue = "5m") Duration maxAge) {
    static final String PREFIX = "herald.rosters";
    private static final SettingCheck CHECK = new SettingCheck(PREFIX);

    public RosterCacheSettings {
        CHECK.atLeast("capacity", capacity, 1);
        CHECK.positive("max-age", maxAge);
    }
}
