package io.herald.adapter.apigateway;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;

/**
 * Pushing through API Gateway is on only when its WebSocket URL or Management endpoint is named; otherwise another
 * module (the server's own sockets) is the only {@link io.herald.application.port.ConnectionGateway}.
 */
final class EndpointConfigured implements Condition {
    static final String WEBSOCKET_URL = "herald.apigateway.websocket-url";
    static final String ENDPOINT = "herald.apigateway.endpoint";

    @Override
    @SuppressWarnings("rawtypes") // Micronaut's Condition declares the raw type.
    public boolean matches(ConditionContext context) {
        return isSet(context, WEBSOCKET_URL) || isSet(context, ENDPOINT);
    }

    private static boolean isSet(ConditionContext<?> context, String property) {
        return context.getProperty(property, String.class).filter(value -> !value.isBlank()).isPresent();
    }
}
