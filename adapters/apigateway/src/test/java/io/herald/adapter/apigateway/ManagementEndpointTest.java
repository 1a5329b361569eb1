package io.herald.adapter.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The Management API is the clients' wss:// URL over https:// (seed 000), or an endpoint named outright. */
class ManagementEndpointTest {

    @Test
    void the_websocket_url_of_a_stage_gives_the_same_stage_over_https() {
        assertThat(ManagementEndpoint.fromWebSocketUrl("wss://abc123.execute-api.eu-west-1.amazonaws.com/prod").uri())
                .isEqualTo(URI.create("https://abc123.execute-api.eu-west-1.amazonaws.com/prod"));
    }

    @Test
    void a_custom_domain_keeps_its_host_port_and_base_path() {
        assertThat(ManagementEndpoint.fromWebSocketUrl("wss://play.example.com:8443/herald/v1").uri())
                .isEqualTo(URI.create("https://play.example.com:8443/herald/v1"));
        assertThat(ManagementEndpoint.fromWebSocketUrl("wss://play.example.com").uri())
                .isEqualTo(URI.create("https://play.example.com"));
    }

    @Test
    void the_scheme_of_the_websocket_url_is_read_in_any_case() {
        assertThat(ManagementEndpoint.fromWebSocketUrl("WSS://abc123.execute-api.eu-west-1.amazonaws.com/dev").uri())
                .isEqualTo(URI.create("https://abc123.execute-api.eu-west-1.amazonaws.com/dev"));
    }

    @Test
    void an_unencrypted_websocket_url_is_refused_rather_than_turned_into_http() {
        assertThatThrownBy(() -> ManagementEndpoint.fromWebSocketUrl("ws://127.0.0.1:8080/local"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wss://")
                .hasMessageContaining("herald.apigateway.endpoint");
    }

    @Test
    void a_websocket_url_that_is_not_a_websocket_url_is_refused() {
        assertThatThrownBy(() -> ManagementEndpoint.fromWebSocketUrl("https://abc123.execute-api.amazonaws.com/prod"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be a wss:// URL");
    }

    @Test
    void a_websocket_url_with_a_query_is_refused() {
        assertThatThrownBy(() -> ManagementEndpoint.fromWebSocketUrl("wss://play.example.com/prod?teamCode=ABC"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stage path only");
    }

    @Test
    void an_endpoint_named_outright_may_be_http_for_a_local_stub() {
        assertThat(ManagementEndpoint.explicit("http://127.0.0.1:4510/local").uri())
                .isEqualTo(URI.create("http://127.0.0.1:4510/local"));
        assertThat(ManagementEndpoint.explicit("https://abc123.execute-api.eu-west-1.amazonaws.com/prod").uri())
                .isEqualTo(URI.create("https://abc123.execute-api.eu-west-1.amazonaws.com/prod"));
    }

    @Test
    void an_endpoint_named_outright_must_still_be_http_or_https() {
        assertThatThrownBy(() -> ManagementEndpoint.explicit("wss://abc123.execute-api.eu-west-1.amazonaws.com/prod"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https://");
        assertThatThrownBy(() -> ManagementEndpoint.explicit("not a url"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("herald.apigateway.endpoint");
    }

    @Test
    void the_endpoint_named_outright_wins_over_the_websocket_url() {
        assertThat(ManagementEndpoint.of("wss://abc123.execute-api.eu-west-1.amazonaws.com/prod",
                "http://127.0.0.1:4510/prod").uri())
                .isEqualTo(URI.create("http://127.0.0.1:4510/prod"));
        assertThat(ManagementEndpoint.of("wss://abc123.execute-api.eu-west-1.amazonaws.com/prod", " ").uri())
                .isEqualTo(URI.create("https://abc123.execute-api.eu-west-1.amazonaws.com/prod"));
    }

    @Test
    void neither_a_websocket_url_nor_an_endpoint_is_refused_naming_both_settings() {
        assertThatThrownBy(() -> ManagementEndpoint.of(null, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("herald.apigateway.websocket-url")
                .hasMessageContaining("herald.apigateway.endpoint");
    }
}
