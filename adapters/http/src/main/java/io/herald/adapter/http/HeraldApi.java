package io.herald.adapter.http;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * The OpenAPI document's title and security, for micronaut-openapi, which writes {@code META-INF/swagger/herald.yml}
 * into this jar at compile time from the controllers; the server serves it at {@code /openapi/herald.yml}.
 */
@OpenAPIDefinition(info = @Info(title = "Herald", version = "0.1",
        description = "Real-time messaging for team game sessions. Errors are {success:false, code, message, field?}: a "
                + "4xx with a stable code for anything a client can cause, 429 rate_limited and 503 busy with "
                + "Retry-After, 500 internal_error with a correlationId. The WebSocket protocol is asyncapi.yaml."))
@SecurityScheme(name = "token", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A player's session token (from POST /api/teams), or the service key of the game's backend")
final class HeraldApi {
    private HeraldApi() {
    }
}
