package io.herald.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.application.fake.FakeHerald;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The HTTP adapter's controllers over the in-memory fakes, called as Micronaut would: an exception a handler throws is
 * answered by {@link ApiErrors}, so a test sees exactly the status, headers and body a client would.
 */
final class HttpFixture {
    static final String SECRET = "0123456789abcdef0123456789abcdef";
    static final String SERVICE_KEY = "the-game-backends-service-key";
    /** The proxy in front of these tests appends the client's address here. */
    static final String ADDRESS_HEADER = ClientAddresses.FORWARDED_FOR;
    private static final ObjectMapper JSON = new ObjectMapper();

    final FakeHerald herald;
    final JwtSessionTokens tokens;
    final Callers callers;
    final ClientAddresses addresses = new ClientAddresses(Optional.of(ADDRESS_HEADER));
    private final ApiErrors errors;

    HttpFixture(FakeHerald herald) {
        this.herald = herald;
        this.errors = new ApiErrors(herald.metrics);
        this.tokens = new JwtSessionTokens(tokenSettings(SECRET), herald.clock);
        this.callers = new Callers(tokens, Optional.of(SERVICE_KEY));
    }

    static TokenSettings tokenSettings(String secret) {
        return new TokenSettings(secret, Duration.ofHours(1));
    }

    static RateLimitSettings noLimits() {
        return new RateLimitSettings(false, 20, 60, 10, 50, 1000, 100_000, null);
    }

    /** Limits on, with these allowances and room to track every caller a test makes. */
    static RateLimitSettings limits(int registrationsPerMinute, int registrationBurst, int wrongTeamCodesPerMinute,
            int eventsPerSecond, int serviceEventsPerSecond) {
        return new RateLimitSettings(true, registrationsPerMinute, registrationBurst, wrongTeamCodesPerMinute,
                eventsPerSecond, serviceEventsPerSecond, 100_000, null);
    }

    record Answer(int status, JsonNode body, Optional<String> retryAfter) {
        String code() {
            return body.path("code").asText();
        }
    }

    /** Runs a handler; whatever it throws goes through the same error mapping Micronaut routes it to. */
    Answer call(HttpRequest<?> request, Supplier<? extends HttpResponse<?>> handler) {
        HttpResponse<?> response;
        try {
            response = handler.get();
        } catch (Exception e) {
            response = errors.failed(request, e);
        }
        String body = WireJson.write(response.body());
        try {
            return new Answer(response.getStatus().getCode(), JSON.readTree(body),
                    Optional.ofNullable(response.getHeaders().get("Retry-After")));
        } catch (Exception e) {
            throw new AssertionError("the answer is not JSON: " + body, e);
        }
    }

    static MutableHttpRequest<String> post(String path, String bearer, String body) {
        return signed(HttpRequest.POST(path, body == null ? "" : body), bearer);
    }

    static MutableHttpRequest<?> get(String path, String bearer) {
        return signed(HttpRequest.GET(path), bearer);
    }

    static MutableHttpRequest<?> put(String path, String bearer, String body) {
        return signed(HttpRequest.PUT(path, body == null ? "" : body), bearer);
    }

    static MutableHttpRequest<?> delete(String path, String bearer) {
        return signed(HttpRequest.DELETE(path), bearer);
    }

    private static <T> MutableHttpRequest<T> signed(MutableHttpRequest<T> request, String bearer) {
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request;
    }
}
