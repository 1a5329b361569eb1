package io.herald.server;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * A WebSocket client written out by hand over a plain socket (JDK only), for what well-behaved clients will not do:
 * offer permessage-deflate and send deflated frames, send a message in fragments, stop reading.
 */
final class RawSocket implements AutoCloseable {
    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int CLOSE = 0x8;
    /** What {@link #awaitClose} returns when the connection ended without a close frame. */
    static final int NO_CLOSE_FRAME = 1006;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    /** The response headers of the handshake, names lower-cased. */
    final Map<String, String> handshake;

    private RawSocket(Socket socket, Map<String, String> handshake) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.handshake = handshake;
    }

    /** Opens {@code ws://host:port/path?query}; a receive buffer above zero is set before connecting. */
    static RawSocket open(String url, int receiveBuffer, Duration readTimeout, String... extraHeaders) throws IOException {
        URI uri = URI.create(url);
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), (int) readTimeout.toMillis());
        socket.setSoTimeout((int) readTimeout.toMillis());
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        StringBuilder request = new StringBuilder()
                .append("GET ").append(uri.getRawPath()).append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                .append(" HTTP/1.1\r\nHost: ").append(uri.getHost()).append(':').append(uri.getPort())
                .append("\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ")
                .append(Base64.getEncoder().encodeToString(nonce)).append("\r\n");
        for (String header : extraHeaders) {
            request.append(header).append("\r\n");
        }
        socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        Map<String, String> headers = readHeaders(socket.getInputStream());
        if (!headers.getOrDefault(":status", "").startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("no upgrade: " + headers);
        }
        return new RawSocket(socket, headers);
    }

    private static Map<String, String> readHeaders(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed during the handshake");
            }
            head.write(b);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String[] lines = head.toString(StandardCharsets.US_ASCII).split("\r\n");
        headers.put(":status", lines[0]);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        return headers;
    }

    /** Writes one masked frame, as a client must; {@code rsv1} marks a deflated message. */
    void send(boolean fin, boolean rsv1, int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write((fin ? 0x80 : 0) | (rsv1 ? 0x40 : 0) | opcode);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length <= 0xFFFF) {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >>> shift));
            }
        }
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        frame.write(mask);
        byte[] masked = new byte[payload.length];
        for (int i = 0; i < payload.length; i++) {
            masked[i] = (byte) (payload[i] ^ mask[i & 3]);
        }
        frame.write(masked);
        out.write(frame.toByteArray());
        out.flush();
    }

    void sendText(String text) throws IOException {
        send(true, false, TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A whole text message compressed as permessage-deflate carries it: raw deflate, the sync-flush tail removed. */
    static byte[] deflated(byte[] message) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(message);
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            byte[] chunk = new byte[1 << 16];
            int n;
            do {
                n = deflater.deflate(chunk, 0, chunk.length, Deflater.SYNC_FLUSH);
                compressed.write(chunk, 0, n);
            } while (n == chunk.length);
            byte[] all = compressed.toByteArray();
            return Arrays.copyOf(all, all.length - 4);
        } finally {
            deflater.end();
        }
    }

    /** One frame from the server: its opcode and payload (servers do not mask). */
    record Frame(int opcode, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
        }

        String closeReason() {
            return payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
        }
    }

    Frame read() throws IOException {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[Math.toIntExact(length)];
        in.readFully(payload);
        return new Frame(first & 0x0F, payload);
    }

    /** Reads until a text frame containing {@code marker}, skipping the rest. */
    String awaitText(String marker) throws IOException {
        while (true) {
            Frame frame = read();
            if (frame.opcode() == TEXT && frame.text().contains(marker)) {
                return frame.text();
            }
            if (frame.opcode() == CLOSE) {
                throw new IOException("closed with " + frame.closeCode() + " " + frame.closeReason() + " before " + marker);
            }
        }
    }

    /** How the server ended the connection: the code and reason of its close frame. */
    record Closed(int code, String reason) {
    }

    /** Reads everything up to the server's close frame; {@link #NO_CLOSE_FRAME} if the connection just ended. */
    Closed awaitClose() throws IOException {
        while (true) {
            Frame frame;
            try {
                frame = read();
            } catch (EOFException | SocketException ended) {
                return new Closed(NO_CLOSE_FRAME, "");
            }
            if (frame.opcode() == CLOSE) {
                return new Closed(frame.closeCode(), frame.closeReason());
            }
        }
    }

    /** True once the server has ended the connection: everything it sent is read and then the stream ends. */
    boolean endsAfterDraining() throws IOException {
        try {
            while (true) {
                read();
            }
        } catch (EOFException | SocketException ended) {
            return true;
        }
    }

    void readTimeout(Duration timeout) throws SocketException {
        socket.setSoTimeout((int) timeout.toMillis());
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
