package io.herald.adapter.apigateway;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code herald.apigateway.*}: which Management API to push through and how long to keep trying a throttled push.
 * Region and credentials are the {@code aws.*} settings that micronaut-aws-sdk-v2 reads.
 */
@ConfigurationProperties("herald.apigateway")
public class ApiGatewaySettings {
    private String websocketUrl;
    private String endpoint;
    private int pushAttempts = 3;
    private Duration pushDeadline = Duration.ofSeconds(3);

    /** The URL clients connect to ({@code wss://{api-id}.execute-api.{region}.amazonaws.com/{stage}}). */
    public String getWebsocketUrl() {
        return websocketUrl;
    }

    public void setWebsocketUrl(String websocketUrl) {
        this.websocketUrl = websocketUrl;
    }

    /** The Management API outright ({@code https://…}, or {@code http://…} for a local stub); wins over the URL. */
    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    /** Requests per push at most, the first included, when API Gateway answers 429. */
    public int getPushAttempts() {
        return pushAttempts;
    }

    public void setPushAttempts(int pushAttempts) {
        this.pushAttempts = pushAttempts;
    }

    /** The most one push to one connection may take, its requests and the waits between them together. */
    public Duration getPushDeadline() {
        return pushDeadline;
    }

    public void setPushDeadline(Duration pushDeadline) {
        this.pushDeadline = pushDeadline;
    }
}
