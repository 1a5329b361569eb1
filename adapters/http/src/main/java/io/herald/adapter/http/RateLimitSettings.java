package io.herald.adapter.http;

import io.herald.adapter.wire.SettingCheck;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.Optional;

/**
 * {@code herald.limits.*}: how much one caller may ask of the HTTP API before being told to wait (429 with
 * {@code Retry-After}). Registrations and wrong team codes count per client address (see {@link ClientAddresses}),
 * events per player token, and the service key on its own, since it speaks for every player of every session. The
 * values are checked even when the limits are off, so switching them on never meets a bad one.
 *
 * @param registrationBurst a class arriving together behind one address registers at once; the average per minute
 *        is what is held to
 * @param maxTracked callers each limit remembers at most; past it new ones go untracked rather than memory growing
 * @param clientAddressHeader the header a proxy in front appends the client's address to ({@code X-Forwarded-For}
 *        behind a load balancer); its last entry is the client. Unset or blank, the connection's peer is the client
 */
@Context
@ConfigurationProperties(RateLimitSettings.PREFIX)
public record RateLimitSettings(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "20") int registrationsPerMinute,
        @Bindable(defaultValue = "60") int registrationBurst,
        @Bindable(defaultValue = "10") int wrongTeamCodesPerMinute,
        @Bindable(defaultValue = "50") int eventsPerSecond,
        @Bindable(defaultValue = "1000") int serviceEventsPerSecond,
        @Bindable(defaultValue = "100000") int maxTracked,
        @Nullable String clientAddressHeader) {
    static final String PREFIX = "herald.limits";
    private static final SettingCheck CHECK = new SettingCheck(PREFIX);

    public RateLimitSettings {
        CHECK.atLeast("registrations-per-minute", registrationsPerMinute, 1);
        CHECK.atLeast("registration-burst", registrationBurst, 1);
        CHECK.atLeast("wrong-team-codes-per-minute", wrongTeamCodesPerMinute, 1);
        CHECK.atLeast("events-per-second", eventsPerSecond, 1);
        CHECK.atLeast("service-events-per-second", serviceEventsPerSecond, 1);
        CHECK.atLeast("max-tracked", maxTracked, 1);
        clientAddressHeader = clientAddressHeader == null || clientAddressHeader.isBlank() ? null
                : clientAddressHeader.strip();
    }

    Optional<String> trustedAddressHeader() {
        return Optional.ofNullable(clientAddressHeader);
    }
}
