package io.herald.adapter.micronaut;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** {@code herald.messages.*}: the knobs of the message rules that operators may turn. */
@ConfigurationProperties("herald.messages")
public class HeraldSettings {
    private Duration cooldown = Duration.ofSeconds(300);
    private Duration positionInterval = Duration.ofSeconds(5);

    public Duration getCooldown() {
        return cooldown;
    }

    public void setCooldown(Duration cooldown) {
        this.cooldown = cooldown;
    }

    public Duration getPositionInterval() {
        return positionInterval;
    }

    public void setPositionInterval(Duration positionInterval) {
        this.positionInterval = positionInterval;
    }
}
