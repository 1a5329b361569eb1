package io.herald.adapter.http;

import io.herald.application.port.Clock;
import io.herald.application.spi.SessionTokens;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * The token service and caller resolution, for the controllers here and for the WebSocket door of each shape, and
 * the per-caller limits of the HTTP API.
 */
@Factory
public class HttpFactory {

    @Singleton
    SessionTokens sessionTokens(TokenSettings settings, Clock clock) {
        return new JwtSessionTokens(settings, clock);
    }

    @Singleton
    Callers callers(SessionTokens tokens, PublicEndpoints endpoints) {
        return new Callers(tokens, endpoints.configuredServiceKey());
    }

    @Singleton
    RateLimits rateLimits(RateLimitSettings settings, Clock clock) {
        return RateLimits.of(settings, clock);
    }

    @Singleton
    ClientAddresses clientAddresses(RateLimitSettings settings) {
        return new ClientAddresses(settings.trustedAddressHeader());
    }
}
