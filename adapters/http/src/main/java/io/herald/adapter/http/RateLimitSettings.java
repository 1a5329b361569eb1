package io.herald.adapter.http;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.util.Optional;

/**
 * {@code herald.limits.*}: how much one caller may ask of the HTTP API before being told to wait (429 with
 * {@code Retry-After}). Registrations and wrong team codes count per client address (see {@link ClientAddresses}),
 * events per player token, and the service key on its own, since it speaks for every player of every session.
 */
@ConfigurationProperties("herald.limits")
public class RateLimitSettings {
    private boolean enabled = true;
    private int registrationsPerMinute = 20;
    /** A class arriving together behind one address registers at once; the average is what is held to. */
    private int registrationBurst = 60;
    private int wrongTeamCodesPerMinute = 10;
    private int eventsPerSecond = 50;
    private int serviceEventsPerSecond = 1000;
    private int maxTracked = 100_000;
    private String clientAddressHeader;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public int getRegistrationsPerMinute() {
        return registrationsPerMinute;
    }

    public void setRegistrationsPerMinute(int registrationsPerMinute) {
        this.registrationsPerMinute = registrationsPerMinute;
    }

    public int getRegistrationBurst() {
        return registrationBurst;
    }

    public void setRegistrationBurst(int registrationBurst) {
        this.registrationBurst = registrationBurst;
    }

    public int getWrongTeamCodesPerMinute() {
        return wrongTeamCodesPerMinute;
    }

    public void setWrongTeamCodesPerMinute(int wrongTeamCodesPerMinute) {
        this.wrongTeamCodesPerMinute = wrongTeamCodesPerMinute;
    }

    public int getEventsPerSecond() {
        return eventsPerSecond;
    }

    public void setEventsPerSecond(int eventsPerSecond) {
        this.eventsPerSecond = eventsPerSecond;
    }

    public int getServiceEventsPerSecond() {
        return serviceEventsPerSecond;
    }

    public void setServiceEventsPerSecond(int serviceEventsPerSecond) {
        this.serviceEventsPerSecond = serviceEventsPerSecond;
    }

    /**
     * The header a proxy in front appends the client's address to ({@code X-Forwarded-For} behind a load balancer);
     * its last entry is the client. Unset, the connection's peer is the client.
     */
    public Optional<String> getClientAddressHeader() {
        return Optional.ofNullable(clientAddressHeader).filter(h -> !h.isBlank());
    }

    public void setClientAddressHeader(String clientAddressHeader) {
        this.clientAddressHeader = clientAddressHeader;
    }

    /** Callers each limit remembers at most; past it new ones go untracked rather than memory growing. */
    public int getMaxTracked() {
        return maxTracked;
    }

    public void setMaxTracked(int maxTracked) {
        this.maxTracked = maxTracked;
    }
}
