package io.herald.adapter.http;

import io.herald.application.port.Metrics;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error as {@code {success:false, code, message}}: what a client caused keeps a 4xx and its code, unknown
 * routes and methods get theirs, a busy node a 503 with {@code Retry-After}, and only a genuine fault is a 500 —
 * with a correlation id that the log line carrying its stack trace names too.
 */
@Controller
public class ApiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private final Metrics metrics;

    public ApiErrors(Metrics metrics) {
        this.metrics = metrics;
    }

    /** Every error answer goes out through here, so each is counted by its stable code. */
    private HttpResponse<ErrorBody> answer(HttpStatus status, String code, String message) {
        metrics.refused("http", code);
        return HttpJson.error(status, ErrorBody.of(code, message, Optional.empty(), Optional.empty()));
    }

    @Error(global = true, status = HttpStatus.NOT_FOUND)
    public HttpResponse<ErrorBody> notFound(HttpRequest<?> request) {
        return answer(HttpStatus.NOT_FOUND, "not_found", "no such endpoint: " + request.getPath());
    }

    @Error(global = true, status = HttpStatus.METHOD_NOT_ALLOWED)
    public HttpResponse<ErrorBody> methodNotAllowed(HttpRequest<?> request) {
        return answer(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
                request.getMethodName() + " is not allowed on " + request.getPath());
    }

    @Error(global = true, status = HttpStatus.UNSUPPORTED_MEDIA_TYPE)
    public HttpResponse<ErrorBody> unsupportedMediaType(HttpRequest<?> request) {
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "send application/json");
    }

    @Error(global = true, status = HttpStatus.BAD_REQUEST)
    public HttpResponse<ErrorBody> badRequest(HttpRequest<?> request) {
        return answer(HttpStatus.BAD_REQUEST, "bad_request", "the request could not be read");
    }

    @Error(global = true, exception = Exception.class)
    public HttpResponse<ErrorBody> failed(HttpRequest<?> request, Exception e) {
        ErrorAnswer answer = ErrorAnswer.of(e, () -> UUID.randomUUID().toString());
        if (answer.isFault()) {
            logFault(request, e, answer.correlationId().orElseThrow());
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} answered {} {}: {}", request.getMethodName(), request.getPath(), answer.status().getCode(),
                    answer.code(), answer.message());
        }
        metrics.refused("http", answer.code());
        return answer.response();
    }

    /**
     * A request that proved who sent it gets its stack trace logged; an anonymous one gets one line (the trace only at
     * DEBUG), so nobody without credentials can fill the log by finding a way to fail.
     */
    private static void logFault(HttpRequest<?> request, Exception e, String correlationId) {
        if (Callers.authenticated(request)) {
            LOG.error("{} {} failed (correlationId {})", request.getMethodName(), request.getPath(), correlationId, e);
        } else {
            LOG.error("{} {} failed (correlationId {}): {}", request.getMethodName(), request.getPath(), correlationId,
                    e.toString());
            LOG.debug("stack trace of correlationId {}", correlationId, e);
        }
    }
}
