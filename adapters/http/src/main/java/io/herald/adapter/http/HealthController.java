package io.herald.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code GET /health} where no management module answers it (the Lambda shape): the process is up. A server node has
 * micronaut-management's health endpoint instead, with a check per component.
 */
@Controller
@Requires(missingClasses = "io.micronaut.management.endpoint.health.HealthEndpoint")
public class HealthController {

    @Get(value = "/health", produces = "application/json")
    public HttpResponse<Health> health() {
        return HttpJson.body(new Health("UP", true));
    }

    @Introspected
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Health", requiredProperties = {"status", "success"})
    public record Health(@Schema(allowableValues = "UP") String status,
            @Schema(description = ResponseBodies.ALWAYS_TRUE) boolean success) {
    }
}
