package io.herald.adapter.http;

import io.herald.adapter.wire.SettingCheck;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code herald.http.*}: the WebSocket URL handed to clients at registration and the service key the game runtime's
 * backend may use instead of a player token. Blank counts as unset (a template's empty parameter): the URL is then
 * derived from the request's host, and no caller is the service.
 *
 * @param websocketUrl a {@code ws://} or {@code wss://} URL, checked at start so no client is handed a wrong one
 */
@Context
@ConfigurationProperties(PublicEndpoints.PREFIX)
public record PublicEndpoints(@Nullable String websocketUrl, @Nullable String serviceKey) {
    static final String PREFIX = "herald.http";
    private static final SettingCheck CHECK = new SettingCheck(PREFIX);

    public PublicEndpoints {
        websocketUrl = unsetIfBlank(websocketUrl);
        serviceKey = unsetIfBlank(serviceKey);
        if (websocketUrl != null && !isWebSocketUrl(websocketUrl)) {
            throw CHECK.invalid("websocket-url", "must be a ws:// or wss:// URL with a host, was " + websocketUrl);
        }
    }

    /** Neither set: URLs derived from each request, and no service key. */
    static PublicEndpoints none() {
        return new PublicEndpoints(null, null);
    }

    Optional<String> fixedWebsocketUrl() {
        return Optional.ofNullable(websocketUrl);
    }

    Optional<String> configuredServiceKey() {
        return Optional.ofNullable(serviceKey);
    }

    private static String unsetIfBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static boolean isWebSocketUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("ws") || scheme.equals("wss")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
