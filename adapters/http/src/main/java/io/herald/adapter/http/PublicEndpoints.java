package io.herald.adapter.http;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.util.Optional;

/**
 * {@code herald.http.*}: the WebSocket URL handed to clients at registration (derived from the request's host
 * when unset) and the service key the game runtime's backend may use instead of a player token.
 */
@ConfigurationProperties("herald.http")
public class PublicEndpoints {
    private String websocketUrl;
    private String serviceKey;

    public Optional<String> getWebsocketUrl() {
        return Optional.ofNullable(websocketUrl).filter(u -> !u.isBlank());
    }

    public void setWebsocketUrl(String websocketUrl) {
        this.websocketUrl = websocketUrl;
    }

    public Optional<String> getServiceKey() {
        return Optional.ofNullable(serviceKey);
    }

    public void setServiceKey(String serviceKey) {
        this.serviceKey = serviceKey;
    }
}
