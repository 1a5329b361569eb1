package io.herald.adapter.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error as {@code {success:false, code, message}}: refusals keep their 4xx and code, unknown routes and
 * methods get theirs, and only a genuine fault is a 500 — bad input never is.
 */
@Controller
public class ApiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    @Error(global = true, exception = ApiException.class)
    public HttpResponse<String> refused(HttpRequest<?> request, ApiException e) {
        return HttpJson.error(e.status(), e.code(), e.getMessage());
    }

    @Error(global = true, status = HttpStatus.NOT_FOUND)
    public HttpResponse<String> notFound(HttpRequest<?> request) {
        return HttpJson.error(HttpStatus.NOT_FOUND, "not_found", "no such endpoint: " + request.getPath());
    }

    @Error(global = true, status = HttpStatus.METHOD_NOT_ALLOWED)
    public HttpResponse<String> methodNotAllowed(HttpRequest<?> request) {
        return HttpJson.error(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
                request.getMethodName() + " is not allowed on " + request.getPath());
    }

    @Error(global = true, status = HttpStatus.UNSUPPORTED_MEDIA_TYPE)
    public HttpResponse<String> unsupportedMediaType(HttpRequest<?> request) {
        return HttpJson.error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "send application/json");
    }

    @Error(global = true, status = HttpStatus.BAD_REQUEST)
    public HttpResponse<String> badRequest(HttpRequest<?> request) {
        return HttpJson.error(HttpStatus.BAD_REQUEST, "bad_request", "the request could not be read");
    }

    @Error(global = true, exception = Exception.class)
    public HttpResponse<String> fault(HttpRequest<?> request, Exception e) {
        LOG.error("{} {} failed", request.getMethodName(), request.getPath(), e);
        return HttpJson.error(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "the request could not be served now; retry");
    }
}
