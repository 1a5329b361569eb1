package io.herald.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpRequestWrapper;
import io.micronaut.http.MutableHttpRequest;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {
    private static final InetSocketAddress PEER = new InetSocketAddress("203.0.113.7", 50123);

    /** A request as the server's network layer hands it over: it knows the peer it came from. */
    private static HttpRequest<String> fromPeer(MutableHttpRequest<String> request) {
        return new HttpRequestWrapper<String>(request) {
            @Override
            public InetSocketAddress getRemoteAddress() {
                return PEER;
            }
        };
    }

    @Test
    void without_a_trusted_header_the_peer_counts_and_a_forwarding_header_a_client_wrote_is_ignored() {
        ClientAddresses addresses = new ClientAddresses(Optional.empty());

        assertThat(addresses.of(fromPeer(HttpRequest.POST("/api/teams", "").header("X-Forwarded-For", "10.9.9.9"))))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void with_a_trusted_header_its_last_entry_counts_not_what_the_client_put_before_it() {
        ClientAddresses addresses = new ClientAddresses(Optional.of("X-Forwarded-For"));

        assertThat(addresses.of(fromPeer(HttpRequest.POST("/api/teams", "")
                .header("X-Forwarded-For", "10.9.9.9, 1.2.3.4, 198.51.100.20")))).isEqualTo("198.51.100.20");
    }

    @Test
    void a_trusted_header_that_is_missing_leaves_the_peer() {
        ClientAddresses addresses = new ClientAddresses(Optional.of("X-Forwarded-For"));

        assertThat(addresses.of(fromPeer(HttpRequest.POST("/api/teams", "")))).isEqualTo("203.0.113.7");
    }

    @Test
    void where_the_runtime_knows_no_peer_the_entry_the_front_proxy_appended_counts() {
        ClientAddresses addresses = new ClientAddresses(Optional.empty());

        assertThat(addresses.of(HttpRequest.POST("/api/teams", "").header("X-Forwarded-For", "10.9.9.9, 198.51.100.30")))
                .isEqualTo("198.51.100.30");
        assertThat(addresses.of(HttpRequest.POST("/api/teams", ""))).isEqualTo("unknown");
    }
}
