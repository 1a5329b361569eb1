package io.herald.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Introspected;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Optional;

/** Every refusal and fault as a client reads it; {@code field} and {@code correlationId} only when there is one. */
@Introspected
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Error", description = "A 4xx with a stable code (and the field at fault), 429 rate_limited and "
        + "503 busy with Retry-After, or 500 internal_error with the correlationId the server's log names too",
        requiredProperties = {"success", "code", "message"})
public record ErrorBody(
        @Schema(description = "always false") boolean success,
        @Schema(example = "invalid_field") String code,
        String message,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(example = "playerId") String field,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "with a 500 only; the server's log names it")
        String correlationId) {

    static ErrorBody of(String code, String message, Optional<String> field, Optional<String> correlationId) {
        return new ErrorBody(false, code, message, field.orElse(null), correlationId.orElse(null));
    }
}
