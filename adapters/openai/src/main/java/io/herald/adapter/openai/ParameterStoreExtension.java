package io.herald.adapter.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads an SSM parameter through the AWS Parameters and Secrets Lambda Extension's local HTTP endpoint, so the
 * Lambda needs no SSM SDK module (none is present at the SDK version Herald pins).
 */
final class ParameterStoreExtension {
    static final String TOKEN_HEADER = "X-Aws-Parameters-Secrets-Token";
    /** The extension runs beside the function and caches; one that has not answered in this long will not. */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final String sessionToken;

    ParameterStoreExtension(URI endpoint, String sessionToken) {
        this.endpoint = endpoint;
        this.sessionToken = sessionToken;
    }

    String read(String name) {
        if (sessionToken == null || sessionToken.isBlank()) {
            throw new ApiKeyUnavailableException("cannot read SSM parameter " + name
                    + ": AWS_SESSION_TOKEN is not set, and the Parameters and Secrets extension requires it");
        }
        URI uri = endpoint.resolve("/systemsmanager/parameters/get?name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&withDecryption=true");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header(TOKEN_HEADER, sessionToken).GET()
                .build();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new ApiKeyUnavailableException("cannot read SSM parameter " + name + " from " + endpoint
                        + ": the extension answered HTTP " + response.statusCode());
            }
            return valueOf(name, response.body());
        } catch (IOException e) {
            throw new ApiKeyUnavailableException("cannot read SSM parameter " + name + " from " + endpoint + ": " + e,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiKeyUnavailableException("interrupted while reading SSM parameter " + name, e);
        }
    }

    private static String valueOf(String name, String body) {
        JsonNode value;
        try {
            value = JSON.readTree(body).path("Parameter").path("Value");
        } catch (JsonProcessingException e) {
            // The parser's message quotes the body, which may hold the secret: neither goes into the error.
            throw new ApiKeyUnavailableException("SSM parameter " + name + ": the extension's answer is not JSON");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new ApiKeyUnavailableException("SSM parameter " + name + " has no value in the extension's answer");
        }
        return value.asText();
    }
}
