package io.herald.adapter.apigateway;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where the Management API answers: the clients' {@code wss://} URL with {@code https://} in front (same host, port
 * and stage path, custom domains included), or an endpoint named outright. Plain {@code http://} only when named
 * outright, so a local stub never becomes the default by accident.
 */
record ManagementEndpoint(URI uri) {

    ManagementEndpoint {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("the Management API endpoint must be https:// (or http:// when named "
                    + "outright), not " + uri);
        }
        requireBareAddress(uri);
    }

    /** The endpoint override when one is set, otherwise the one the WebSocket URL implies. */
    static ManagementEndpoint of(String webSocketUrl, String endpoint) {
        if (isSet(endpoint)) {
            return explicit(endpoint);
        }
        if (isSet(webSocketUrl)) {
            return fromWebSocketUrl(webSocketUrl);
        }
        throw new IllegalArgumentException(
                "set herald.apigateway.websocket-url (wss://…) or herald.apigateway.endpoint (https://…)");
    }

    static ManagementEndpoint fromWebSocketUrl(String webSocketUrl) {
        URI url = parse(webSocketUrl, "herald.apigateway.websocket-url");
        if (url.getScheme() == null || !url.getScheme().equalsIgnoreCase("wss")) {
            throw new IllegalArgumentException("herald.apigateway.websocket-url must be a wss:// URL, not "
                    + webSocketUrl + "; an http:// Management API needs herald.apigateway.endpoint set outright");
        }
        return new ManagementEndpoint(URI.create("https" + url.toString().substring(url.getScheme().length())));
    }

    static ManagementEndpoint explicit(String endpoint) {
        return new ManagementEndpoint(parse(endpoint, "herald.apigateway.endpoint"));
    }

    private static URI parse(String value, String property) {
        try {
            return new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(property + " is not a URL: " + value, e);
        }
    }

    /** The SDK appends {@code /@connections/{id}} to this path; a query, fragment or user info has no place in it. */
    private static void requireBareAddress(URI uri) {
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the Management API endpoint needs a host: " + uri);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "the Management API endpoint takes scheme, host, port and stage path only, not " + uri);
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
