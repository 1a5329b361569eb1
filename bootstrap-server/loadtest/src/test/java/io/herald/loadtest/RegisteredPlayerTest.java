package io.herald.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class RegisteredPlayerTest {
    private static final URI BASE = URI.create("http://127.0.0.1:8080");

    private static RegisteredPlayer withSocket(String websocketUrl) {
        return new RegisteredPlayer("ABC234", "s1", "p1", "Ana", websocketUrl, "a+b/c=");
    }

    @Test
    void the_registration_answer_is_read_from_its_nested_session() throws IOException {
        RegisteredPlayer read = RegisteredPlayer.fromJson("""
                {"teamCode":"ABC234","session":{"sessionId":"s1","playerId":"p1","playerName":"Ana","mode":"team"},
                 "websocketUrl":"ws://127.0.0.1:8080/ws","token":"tok"}
                """);

        assertThat(read).isEqualTo(new RegisteredPlayer("ABC234", "s1", "p1", "Ana", "ws://127.0.0.1:8080/ws", "tok"));
    }

    @Test
    void an_answer_without_a_token_is_refused_with_the_body() {
        assertThatThrownBy(() -> RegisteredPlayer.fromJson("{\"teamCode\":\"ABC234\",\"session\":{\"sessionId\":\"s1\","
                + "\"playerId\":\"p1\"},\"websocketUrl\":\"ws://h/ws\"}"))
                .isInstanceOf(IOException.class).hasMessageContaining("token").hasMessageContaining("ABC234");
    }

    @Test
    void the_inbox_key_of_an_event_is_the_servers_sk() {
        assertThat(withSocket("ws://x").inboxKey("NodeComplete-0123456789abcdef"))
                .isEqualTo("ai-msg#p1#NodeComplete-0123456789abcdef");
    }

    @Test
    void the_socket_address_carries_team_code_and_url_encoded_token() throws IOException {
        assertThat(ServerUnderTest.webSocketUri(BASE, withSocket("ws://127.0.0.1:8080/ws")))
                .isEqualTo(URI.create("ws://127.0.0.1:8080/ws?teamCode=ABC234&token=a%2Bb%2Fc%3D"));
        assertThat(ServerUnderTest.webSocketUri(BASE, withSocket("ws://127.0.0.1:8080/ws?v=1")))
                .isEqualTo(URI.create("ws://127.0.0.1:8080/ws?v=1&teamCode=ABC234&token=a%2Bb%2Fc%3D"));
    }

    @Test
    void a_socket_on_loopback_is_accepted_even_when_the_base_names_the_host_differently() throws IOException {
        URI base = URI.create("http://myhost:8080");

        assertThat(ServerUnderTest.webSocketUri(base, withSocket("ws://localhost:8081/ws")).getHost())
                .isEqualTo("localhost");
        assertThat(ServerUnderTest.webSocketUri(base, withSocket("ws://myhost:8080/ws")).getHost()).isEqualTo("myhost");
    }

    @Test
    void a_socket_on_a_third_host_or_of_another_scheme_is_refused() {
        assertThatThrownBy(() -> ServerUnderTest.webSocketUri(BASE, withSocket("ws://example.com/ws")))
                .isInstanceOf(IOException.class).hasMessageContaining("refusing");
        assertThatThrownBy(() -> ServerUnderTest.webSocketUri(BASE, withSocket("http://127.0.0.1:8080/ws")))
                .isInstanceOf(IOException.class).hasMessageContaining("ws://");
    }

    @Test
    void on_one_of_several_nodes_the_socket_is_that_nodes_own_ws_whatever_the_server_returned() throws IOException {
        RegisteredPlayer behindBalancer = withSocket("wss://balancer.example.com/ws");

        assertThat(ServerUnderTest.webSocketUri(URI.create("http://10.0.0.2:8081"), behindBalancer, true))
                .isEqualTo(URI.create("ws://10.0.0.2:8081/ws?teamCode=ABC234&token=a%2Bb%2Fc%3D"));
        assertThat(ServerUnderTest.webSocketUri(URI.create("https://node2.example.com/herald/"), behindBalancer, true))
                .isEqualTo(URI.create("wss://node2.example.com/herald/ws?teamCode=ABC234&token=a%2Bb%2Fc%3D"));
    }
}
