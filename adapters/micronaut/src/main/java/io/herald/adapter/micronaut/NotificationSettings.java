package io.herald.adapter.micronaut;

import io.herald.adapter.wire.SettingCheck;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code herald.notifications.*}. The DynamoDB store reads the retention itself (it cannot see this module); binding it
 * here, at start, is what checks it.
 *
 * @param retention how long a notification is kept (its TTL in the store)
 */
@Context
@ConfigurationProperties(NotificationSettings.PREFIX)
public record NotificationSettings(@Bindable(defaultValue = "30d") Duration retention) {
    static final String PREFIX = "herald.notifications";
    private static final SettingCheck CHECK = new SettingCheck(PREFIX);

    public NotificationSettings {
        CHECK.positive("retention", retention);
    }
}
