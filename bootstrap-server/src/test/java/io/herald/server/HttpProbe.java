package io.herald.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP as a test of hostile input needs it: every answer with its headers (a 429's {@code Retry-After}), and requests
 * written out by hand over a socket for what {@link java.net.http.HttpClient} refuses to send (a malformed query, a
 * {@code Content-Length} that lies). JDK only.
 */
final class HttpProbe {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HttpProbe() {
    }

    /** An answer: its status, headers (names lower-cased) and body. */
    record Reply(int status, Map<String, String> headers, String body) {
        JsonNode json() {
            try {
                return PlayerClient.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("the answer is not JSON: " + this, e);
            }
        }

        String code() {
            return json().path("code").asText();
        }

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    /** POST with a JSON body, a bearer when given, and any extra header pairs ({@code name, value, …}). */
    static Reply post(String url, String bearer, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(PlayerClient.WAIT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> names = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> names.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
            return new Reply(response.statusCode(), names, response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Sends {@code request} as written (the caller ends it with {@code Connection: close}) and reads the whole answer. */
    static Reply raw(int port, String request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) PlayerClient.WAIT.toMillis());
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return parse(socket.getInputStream());
        } catch (IOException e) {
            throw new AssertionError("no answer to " + request.lines().findFirst().orElse(""), e);
        }
    }

    /** A request line and headers, {@code Connection: close} added, then the body. */
    static String request(String requestLine, String body, String... headers) {
        StringBuilder text = new StringBuilder(requestLine).append("\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        for (String header : headers) {
            text.append(header).append("\r\n");
        }
        return text.append("\r\n").append(body).toString();
    }

    private static Reply parse(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("not an HTTP answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        return new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
    }
}
