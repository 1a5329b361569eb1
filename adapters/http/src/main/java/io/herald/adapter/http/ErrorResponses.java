package io.herald.adapter.http;

import io.micronaut.http.MediaType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tells the OpenAPI document that an endpoint's errors have the {@link ErrorBody} shape; the success answer stays the
 * one micronaut-openapi reads from the method's return type.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(responseCode = "4XX", description = "refused: a stable code, and the field at fault when there is one; "
        + "429 rate_limited with Retry-After", content = @Content(mediaType = MediaType.APPLICATION_JSON,
        schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "5XX", description = "503 busy with Retry-After, or 500 internal_error with a correlationId",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorBody.class)))
@interface ErrorResponses {
}
