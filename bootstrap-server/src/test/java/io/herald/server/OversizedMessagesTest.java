package io.herald.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.server.PlayerClient.Device;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client's message is bounded by what it would take in memory, not by what it took on the wire: raw sockets that
 * offer permessage-deflate, send deflated and fragmented messages, against a started server.
 */
class OversizedMessagesTest {
    private static final int LIMIT = 65_536;
    private static final String DEFLATE_OFFER = "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits";
    private static HeraldServer server;
    private static String base;

    private PlayerClient ana;

    @BeforeAll
    static void start() throws IOException {
        server = FreshServer.start("oversized");
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

    private RawSocket joined(String... headers) throws IOException {
        RawSocket socket = RawSocket.open(ana.socketUrl(), 0, PlayerClient.WAIT, headers);
        socket.sendText(join());
        socket.awaitText("\"joined\"");
        return socket;
    }

    private String join() {
        return PlayerClient.JSON.createObjectNode().put("type", "join_session").put("sessionId", ana.sessionId)
                .put("playerId", ana.playerId).toString();
    }

    /** A ping padded to exactly {@code size} bytes: valid JSON, so only its size can get it refused. */
    private static byte[] paddedPing(int size) {
        String head = "{\"type\":\"ping\",\"pad\":\"";
        String tail = "\"}";
        byte[] message = new byte[size];
        Arrays.fill(message, (byte) 'a');
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, message, 0, head.length());
        System.arraycopy(tail.getBytes(StandardCharsets.US_ASCII), 0, message, size - tail.length(), tail.length());
        return message;
    }

    private void assertTheServerStillServes() {
        assertThat(PlayerClient.get(base + "/health", null).json().get("status").asText()).isEqualTo("UP");
        Device phone = ana.online();
        phone.send("{\"type\":\"ping\"}");
        assertThat(phone.await("pong")).isNotNull();
    }

    @Test
    void a_client_offering_permessage_deflate_is_answered_without_it_and_served_uncompressed() throws IOException {
        try (RawSocket socket = joined(DEFLATE_OFFER)) {
            assertThat(socket.handshake).doesNotContainKey("sec-websocket-extensions");

            socket.sendText("{\"type\":\"ping\"}");

            assertThat(socket.awaitText("\"pong\"")).contains("pong");
        }
    }

    @Test
    void a_deflated_64_MB_message_that_fits_one_frame_compressed_is_refused_with_1002_and_the_server_stays_healthy()
            throws IOException {
        byte[] bomb = RawSocket.deflated(paddedPing(64_000_000));
        assertThat(bomb.length).as("compressed, it passes the frame limit").isLessThan(LIMIT);

        try (RawSocket socket = joined(DEFLATE_OFFER)) {
            socket.send(true, true, RawSocket.TEXT, bomb);

            assertThat(socket.awaitClose()).isEqualTo(new RawSocket.Closed(1002, "no_extension_negotiated"));
        }
        assertTheServerStillServes();
    }

    @Test
    void a_message_one_byte_over_64_KiB_in_one_frame_is_refused_with_1009() throws IOException {
        try (RawSocket socket = joined()) {
            socket.send(true, false, RawSocket.TEXT, paddedPing(LIMIT + 1));

            assertThat(socket.awaitClose().code()).isEqualTo(1009);
        }
        assertTheServerStillServes();
    }

    @Test
    void a_message_one_byte_over_64_KiB_sent_in_fragments_that_each_fit_is_refused_with_1009_and_the_server_stays_healthy()
            throws IOException {
        byte[] message = paddedPing(LIMIT + 1);
        int half = LIMIT / 2;
        try (RawSocket socket = joined()) {
            socket.send(false, false, RawSocket.TEXT, Arrays.copyOfRange(message, 0, half));
            socket.send(false, false, RawSocket.CONTINUATION, Arrays.copyOfRange(message, half, LIMIT));
            socket.send(true, false, RawSocket.CONTINUATION, Arrays.copyOfRange(message, LIMIT, LIMIT + 1));

            assertThat(socket.awaitClose()).isEqualTo(new RawSocket.Closed(1009, "message_too_big"));
        }
        assertTheServerStillServes();
    }

    /** The protocol may still refuse it with an error frame (it has its own, smaller bound); the connection stays. */
    @Test
    void a_message_of_exactly_64_KiB_in_fragments_reaches_the_protocol_and_the_connection_stays_open() throws IOException {
        byte[] message = paddedPing(LIMIT);
        int half = LIMIT / 2;
        try (RawSocket socket = joined()) {
            socket.send(false, false, RawSocket.TEXT, Arrays.copyOfRange(message, 0, half));
            socket.send(true, false, RawSocket.CONTINUATION, Arrays.copyOfRange(message, half, LIMIT));

            RawSocket.Frame answer = socket.read();
            assertThat(answer.opcode()).isEqualTo(RawSocket.TEXT);
            assertThat(answer.text()).contains("\"type\"");
            socket.sendText("{\"type\":\"ping\"}");
            assertThat(socket.awaitText("\"pong\"")).contains("pong");
        }
    }
}
