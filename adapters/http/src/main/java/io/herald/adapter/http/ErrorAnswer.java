package io.herald.adapter.http;

import io.herald.application.port.EventPublisher;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.web.router.exceptions.UnsatisfiedBodyRouteException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import java.net.URISyntaxException;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a client is told when its request ends in an exception, decided in one place: whatever the client caused is
 * a 4xx with a stable code (and the field, when one is at fault); orchestration that cannot take an event now is a
 * 503 {@code busy} with {@code Retry-After}; anything else is a 500 whose correlation id is also in the log.
 */
record ErrorAnswer(HttpStatus status, String code, String message, Optional<String> field,
        Optional<Duration> retryAfter, Optional<String> correlationId) {

    static ErrorAnswer of(Throwable failure, Supplier<String> newCorrelationId) {
        return switch (failure) {
            case ApiException e -> new ErrorAnswer(e.status(), e.code(), e.getMessage(), e.field(), e.retryAfter(),
                    Optional.empty());
            case EventPublisher.Unavailable e -> new ErrorAnswer(HttpStatus.SERVICE_UNAVAILABLE, "busy",
                    "the event cannot be taken now; send it again in " + RetryAfter.seconds(e.retryAfter()) + " s",
                    Optional.empty(), Optional.of(e.retryAfter()), Optional.empty());
            case URISyntaxException e -> malformedAddress(e);
            case UnsatisfiedBodyRouteException e -> client(HttpStatus.BAD_REQUEST, "invalid_json",
                    "the request body must be a JSON object", Optional.empty());
            case UnsatisfiedRouteException e -> client(HttpStatus.BAD_REQUEST, "missing_field",
                    "'" + e.getArgument().getName() + "' is required", Optional.of(e.getArgument().getName()));
            case ConversionErrorException e -> client(HttpStatus.BAD_REQUEST, "invalid_field",
                    "'" + e.getArgument().getName() + "' has an invalid value", Optional.of(e.getArgument().getName()));
            case ContentLengthExceededException e -> client(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "body_too_large",
                    "the request body is too large", Optional.empty());
            case UnsupportedCharsetException e -> unsupportedCharset();
            case IllegalCharsetNameException e -> unsupportedCharset();
            case HttpStatusException e when e.getStatus().getCode() >= 400 && e.getStatus().getCode() < 500 -> client(
                    e.getStatus(), e.getStatus().name().toLowerCase(Locale.ROOT), e.getMessage(), Optional.empty());
            default -> new ErrorAnswer(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                    "something went wrong on Herald's side; it is logged under this correlationId",
                    Optional.empty(), Optional.empty(), Optional.of(newCorrelationId.get()));
        };
    }

    /** A fault, to be logged with its correlation id; every other answer is the client's own doing or load. */
    boolean isFault() {
        return correlationId.isPresent();
    }

    MutableHttpResponse<ErrorBody> response() {
        MutableHttpResponse<ErrorBody> response = HttpJson.error(status, ErrorBody.of(code, message, field, correlationId));
        retryAfter.ifPresent(wait -> response.header(RetryAfter.HEADER, String.valueOf(RetryAfter.seconds(wait))));
        return response;
    }

    private static ErrorAnswer client(HttpStatus status, String code, String message, Optional<String> field) {
        return new ErrorAnswer(status, code, message, field, Optional.empty(), Optional.empty());
    }

    private static ErrorAnswer unsupportedCharset() {
        return client(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "send application/json in UTF-8",
                Optional.empty());
    }

    /**
     * A path or query that is not valid percent-encoding fails before any route is chosen; the parameter holding the
     * bad escape is named when it can be ({@code cursor=%%} is about 'cursor').
     */
    private static ErrorAnswer malformedAddress(URISyntaxException e) {
        Optional<String> parameter = parameterAt(e.getInput(), e.getIndex());
        return client(HttpStatus.BAD_REQUEST, "invalid_uri", parameter
                .map(p -> "'" + p + "' is not valid percent-encoding")
                .orElse("the request's address is not valid percent-encoding"), parameter);
    }

    static Optional<String> parameterAt(String address, int index) {
        int query = address == null ? -1 : address.indexOf('?');
        if (query < 0 || index <= query || index >= address.length()) {
            return Optional.empty();
        }
        int start = address.lastIndexOf('&', index - 1);
        start = Math.max(start, query) + 1;
        int end = address.indexOf('&', index);
        String pair = address.substring(start, end < 0 ? address.length() : end);
        int equals = pair.indexOf('=');
        if (equals < 0 || start + equals < index) {
            String name = equals < 0 ? pair : pair.substring(0, equals);
            return name.matches("[A-Za-z][A-Za-z0-9_-]{0,39}") ? Optional.of(name) : Optional.empty();
        }
        return Optional.empty();
    }
}
