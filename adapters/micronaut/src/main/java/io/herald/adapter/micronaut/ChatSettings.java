package io.herald.adapter.micronaut;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** {@code herald.chat.*}: how long chats with characters and their conversations are kept (the store's TTL). */
@ConfigurationProperties("herald.chat")
public class ChatSettings {
    private Duration retention = Duration.ofDays(90);

    public Duration getRetention() {
        return retention;
    }

    public void setRetention(Duration retention) {
        this.retention = retention;
    }
}
