package io.herald.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.server.PlayerClient.Device;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A client that says goodbye hears it back: the server echoes the close frame before it drops the connection. */
class ClosingHandshakeTest {
    private static HeraldServer server;
    private static String base;

    private PlayerClient ana;

    @BeforeAll
    static void start() throws IOException {
        server = FreshServer.start("closing");
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void a_player() {
        ana = PlayerClient.register(base, "Ana", null);
    }

    @Test
    void a_client_closing_normally_sees_its_own_1000_echoed() throws Exception {
        Device phone = ana.online();

        phone.close(1000);

        assertThat(phone.closed.get(PlayerClient.WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1000);
    }

    @Test
    void a_client_closing_with_its_own_code_gets_that_code_back() throws Exception {
        Device phone = ana.online();

        phone.close(4321);

        assertThat(phone.closed.get(PlayerClient.WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(4321);
    }

    @Test
    void the_echo_arrives_before_the_connection_ends_and_the_device_is_no_longer_online() throws IOException {
        try (RawSocket socket = RawSocket.open(ana.socketUrl(), 0, PlayerClient.WAIT)) {
            socket.sendText(PlayerClient.JSON.createObjectNode().put("type", "join_session").put("sessionId", ana.sessionId)
                    .put("playerId", ana.playerId).toString());
            socket.awaitText("\"joined\"");

            socket.send(true, false, RawSocket.CLOSE, new byte[] {0x03, (byte) 0xE8, 'b', 'y', 'e'});

            assertThat(socket.awaitClose()).isEqualTo(new RawSocket.Closed(1000, "bye"));
            assertThat(socket.endsAfterDraining()).isTrue();
        }
        assertThat(ana.comesToHaveDevicesOnline(0)).isTrue();
    }
}
