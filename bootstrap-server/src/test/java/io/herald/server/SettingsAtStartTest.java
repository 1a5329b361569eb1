package io.herald.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** A bad setting stops the server as it starts, with a message that names the property and its variable. */
class SettingsAtStartTest {

    @Test
    void a_room_without_room_for_a_member_stops_the_start_naming_the_setting() throws IOException {
        int port = freePort();

        assertThatThrownBy(() -> FreshServer.start("bad-rooms", "micronaut.server.port", port,
                "herald.rooms.max-members", 0).close())
                .hasMessageContaining("herald.rooms.max-members (HERALD_ROOMS_MAX_MEMBERS) must be at least 1, was 0");

        assertThat(isFree(port)).as("nothing was left listening").isTrue();
    }

    @Test
    void a_setting_only_a_store_reads_still_stops_the_start() {
        assertThatThrownBy(() -> FreshServer.start("bad-retention", "herald.chat.retention", "-1d").close())
                .hasMessageContaining("herald.chat.retention (HERALD_CHAT_RETENTION) must be longer than 0s, was -24h");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
