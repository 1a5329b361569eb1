package io.herald.adapter.eventbridge;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import java.time.Duration;

/**
 * {@code herald.eventbridge.*}: which bus and source events are published under, and how long a publish may keep
 * trying. The endpoint, region and credentials are the SDK client's ({@code aws.*} settings).
 */
@ConfigurationProperties("herald.eventbridge")
@Requires(property = EventBridgeSettings.ENABLED, value = "true")
public class EventBridgeSettings {
    /** Off by default, so the module can sit on a classpath (the server's) without taking over publishing. */
    static final String ENABLED = "herald.eventbridge.enabled";

    private String busName = "default";
    private String source = "herald.game";
    private int publishAttempts = 5;
    private Duration publishDeadline = Duration.ofSeconds(5);

    public String getBusName() {
        return busName;
    }

    public void setBusName(String busName) {
        this.busName = busName;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    /** PutEvents calls per batch at most, the first included; the SDK itself does not retry (see the client factory). */
    public int getPublishAttempts() {
        return publishAttempts;
    }

    public void setPublishAttempts(int publishAttempts) {
        this.publishAttempts = publishAttempts;
    }

    /** No new attempt starts after this much time from the start of a publish. */
    public Duration getPublishDeadline() {
        return publishDeadline;
    }

    public void setPublishDeadline(Duration publishDeadline) {
        this.publishDeadline = publishDeadline;
    }
}
