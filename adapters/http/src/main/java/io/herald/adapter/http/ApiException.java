package io.herald.adapter.http;

import io.micronaut.http.HttpStatus;
import java.time.Duration;
import java.util.Optional;

/**
 * A request Herald refuses: carries the 4xx status, the stable code the JSON error body names, the field at fault
 * when one is, and when trying again makes sense when it does (a rate limit).
 */
public final class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String code;
    private final Optional<String> field;
    private final Optional<Duration> retryAfter;

    public ApiException(HttpStatus status, String code, String message) {
        this(status, code, message, Optional.empty(), Optional.empty());
    }

    private ApiException(HttpStatus status, String code, String message, Optional<String> field,
            Optional<Duration> retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
        this.retryAfter = retryAfter;
    }

    static ApiException badRequest(String code, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, message);
    }

    /** A 400 about one field of the request, which the error body names in {@code field}. */
    static ApiException badField(String field, String code, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, message, Optional.of(field), Optional.empty());
    }

    /** Any status about one field of the request. */
    static ApiException aboutField(HttpStatus status, String field, String code, String message) {
        return new ApiException(status, code, message, Optional.of(field), Optional.empty());
    }

    static ApiException rateLimited(String message, Duration retryAfter) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", message, Optional.empty(),
                Optional.of(retryAfter));
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Optional<String> field() {
        return field;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
