package io.herald.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HTTP settings refuse a bad value with a message naming the property and its environment variable. */
class HttpSettingsTest {
    private static final String SECRET = HttpFixture.SECRET;

    private static RateLimitSettings limits(int registrations, int burst, int wrongCodes, int events, int serviceEvents,
            int maxTracked) {
        return new RateLimitSettings(true, registrations, burst, wrongCodes, events, serviceEvents, maxTracked, null);
    }

    private static ApplicationContext started(Map<String, Object> properties) {
        return ApplicationContext.builder().environmentPropertySource(false).properties(properties).start();
    }

    @Test
    void tokens_refuse_a_secret_under_32_bytes_and_a_lifetime_of_nothing() {
        assertThatThrownBy(() -> new TokenSettings("0123456789abcdef0123456789abcde", Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("herald.tokens.secret (HERALD_TOKENS_SECRET) must be at least 32 bytes, was 31");
        assertThatThrownBy(() -> new TokenSettings("", Duration.ofHours(1)))
                .hasMessage("herald.tokens.secret (HERALD_TOKENS_SECRET) must be at least 32 bytes, was 0");
        assertThatThrownBy(() -> new TokenSettings(SECRET, Duration.ZERO))
                .hasMessage("herald.tokens.ttl (HERALD_TOKENS_TTL) must be longer than 0s, was 0s");
        assertThat(new TokenSettings("\u00e9".repeat(16), Duration.ofHours(1)).signingKey())
                .as("bytes are counted, not characters").hasSize(32);
    }

    @Test
    void limits_refuse_an_allowance_or_a_memory_of_nothing() {
        assertThatThrownBy(() -> limits(0, 60, 10, 50, 1000, 100_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("herald.limits.registrations-per-minute (HERALD_LIMITS_REGISTRATIONS_PER_MINUTE) must be "
                        + "at least 1, was 0");
        assertThatThrownBy(() -> limits(20, 0, 10, 50, 1000, 100_000))
                .hasMessageStartingWith("herald.limits.registration-burst (HERALD_LIMITS_REGISTRATION_BURST)");
        assertThatThrownBy(() -> limits(20, 60, -1, 50, 1000, 100_000))
                .hasMessageStartingWith("herald.limits.wrong-team-codes-per-minute "
                        + "(HERALD_LIMITS_WRONG_TEAM_CODES_PER_MINUTE)");
        assertThatThrownBy(() -> limits(20, 60, 10, 0, 1000, 100_000))
                .hasMessageStartingWith("herald.limits.events-per-second (HERALD_LIMITS_EVENTS_PER_SECOND)");
        assertThatThrownBy(() -> limits(20, 60, 10, 50, 0, 100_000))
                .hasMessageStartingWith("herald.limits.service-events-per-second "
                        + "(HERALD_LIMITS_SERVICE_EVENTS_PER_SECOND)");
        assertThatThrownBy(() -> limits(20, 60, 10, 50, 1000, 0))
                .hasMessageStartingWith("herald.limits.max-tracked (HERALD_LIMITS_MAX_TRACKED)");
        assertThatThrownBy(() -> new RateLimitSettings(false, 20, 60, 10, 0, 1000, 100_000, null))
                .as("switched off, a bad value is still refused").hasMessageContaining("events-per-second");
    }

    @Test
    void a_blank_client_address_header_means_the_peer_is_the_client() {
        assertThat(new RateLimitSettings(true, 1, 1, 1, 1, 1, 1, "  ").trustedAddressHeader()).isEmpty();
        assertThat(new RateLimitSettings(true, 1, 1, 1, 1, 1, 1, " X-Forwarded-For ").trustedAddressHeader())
                .contains("X-Forwarded-For");
    }

    @Test
    void endpoints_refuse_a_websocket_url_clients_could_not_open_and_take_blank_as_unset() {
        assertThatThrownBy(() -> new PublicEndpoints("https://herald.example/ws", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("herald.http.websocket-url (HERALD_HTTP_WEBSOCKET_URL) must be a ws:// or wss:// URL "
                        + "with a host, was https://herald.example/ws");
        assertThatThrownBy(() -> new PublicEndpoints("wss:/no-host", null))
                .hasMessageStartingWith("herald.http.websocket-url (HERALD_HTTP_WEBSOCKET_URL)");
        assertThatThrownBy(() -> new PublicEndpoints("wss://herald example", null))
                .hasMessageStartingWith("herald.http.websocket-url (HERALD_HTTP_WEBSOCKET_URL)");

        PublicEndpoints blank = new PublicEndpoints(" ", "");
        assertThat(blank.fixedWebsocketUrl()).isEmpty();
        assertThat(blank.configuredServiceKey()).isEmpty();
        PublicEndpoints set = new PublicEndpoints("WSS://abc123.execute-api.us-east-1.amazonaws.com/dev", "key");
        assertThat(set.fixedWebsocketUrl()).contains("WSS://abc123.execute-api.us-east-1.amazonaws.com/dev");
        assertThat(set.configuredServiceKey()).contains("key");
    }

    @Test
    void unset_the_settings_are_the_documented_defaults() {
        try (ApplicationContext context = started(Map.of())) {
            assertThat(context.getBean(TokenSettings.class)).isEqualTo(new TokenSettings(null, Duration.ofHours(24)));
            assertThat(context.getBean(RateLimitSettings.class))
                    .isEqualTo(new RateLimitSettings(true, 20, 60, 10, 50, 1000, 100_000, null));
            assertThat(context.getBean(PublicEndpoints.class)).isEqualTo(PublicEndpoints.none());
        }
    }

    @Test
    void set_they_are_bound_by_their_documented_names() {
        try (ApplicationContext context = started(Map.of("herald.tokens.secret", SECRET, "herald.tokens.ttl", "2h",
                "herald.limits.enabled", false, "herald.limits.events-per-second", 7,
                "herald.limits.client-address-header", "X-Forwarded-For",
                "herald.http.websocket-url", "wss://herald.example/ws", "herald.http.service-key", "key"))) {
            assertThat(context.getBean(TokenSettings.class)).isEqualTo(new TokenSettings(SECRET, Duration.ofHours(2)));
            assertThat(context.getBean(RateLimitSettings.class))
                    .isEqualTo(new RateLimitSettings(false, 20, 60, 10, 7, 1000, 100_000, "X-Forwarded-For"));
            assertThat(context.getBean(PublicEndpoints.class))
                    .isEqualTo(new PublicEndpoints("wss://herald.example/ws", "key"));
        }
    }

    @Test
    void a_bad_value_stops_the_context_at_start_not_at_first_use() {
        assertThatThrownBy(() -> started(Map.of("herald.tokens.secret", "too-short")).close())
                .hasStackTraceContaining("herald.tokens.secret (HERALD_TOKENS_SECRET) must be at least 32 bytes, was 9");
        assertThatThrownBy(() -> started(Map.of("herald.limits.max-tracked", 0)).close())
                .hasStackTraceContaining("herald.limits.max-tracked (HERALD_LIMITS_MAX_TRACKED) must be at least 1");
        assertThatThrownBy(() -> started(Map.of("herald.http.websocket-url", "herald.example")).close())
                .hasStackTraceContaining("herald.http.websocket-url (HERALD_HTTP_WEBSOCKET_URL)");
    }
}
