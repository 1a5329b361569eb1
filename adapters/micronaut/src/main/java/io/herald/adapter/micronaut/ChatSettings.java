package io.herald.adapter.micronaut;

import io.herald.adapter.wire.SettingCheck;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code herald.chat.*}. The DynamoDB store reads the retention itself (it cannot see this module); binding it here, at
 * start, is what checks it.
 *
 * @param retention how long chats with characters and their conversations are kept (the store's TTL)
 */
@Context
@ConfigurationProperties(ChatSettings.PREFIX)
public record ChatSettings(@Bindable(defaultValue = "90d") Duration retention) {
    static final String PREFIX = "herald.chat";
    private static final SettingCheck CHECK = new SettingCheck(PREFIX);

    public ChatSettings {
        CHECK.positive("retention", retention);
    }
}
