package io.herald.adapter.micronaut;

import io.herald.adapter.wire.SettingCheck;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code herald.messages.*}: the knobs of the message rules that operators may turn. Bound at start ({@link Context}),
 * so a bad value stops the start instead of the first event.
 *
 * @param cooldown at most one individual AI message per player per this window; {@code 0s} switches it off
 * @param positionInterval at most one relayed position per player per this interval
 */
@Context
@ConfigurationProperties(HeraldSettings.PREFIX)
public record HeraldSettings(
        @Bindable(defaultValue = "300s") Duration cooldown,
        @Bindable(defaultValue = "5s") Duration positionInterval) {
    static final String PREFIX = "herald.messages";
    private static final SettingCheck CHECK = new SettingCheck(PREFIX);

    public HeraldSettings {
        CHECK.notNegative("cooldown", cooldown);
        CHECK.notNegative("position-interval", positionInterval);
    }
}
