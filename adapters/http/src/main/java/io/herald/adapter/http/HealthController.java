package io.herald.adapter.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * {@code GET /health} where no management module answers it (the Lambda shape): the process is up. A server node has
 * micronaut-management's health endpoint instead, with a check per component.
 */
@Controller
@Requires(missingClasses = "io.micronaut.management.endpoint.health.HealthEndpoint")
public class HealthController {

    @Get(value = "/health", produces = "application/json")
    public HttpResponse<String> health() {
        return HttpJson.ok(HttpJson.object().put("status", "UP"));
    }
}
