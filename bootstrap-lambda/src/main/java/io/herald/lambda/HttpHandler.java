package io.herald.lambda;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/**
 * The HTTP API (payload v2): the very controllers of {@code adapters/http} that the server serves, behind the
 * Micronaut API Gateway proxy instead of Netty.
 */
public class HttpHandler extends APIGatewayV2HTTPEventFunction {
    public HttpHandler() {
    }

    public HttpHandler(ApplicationContext context) {
        super(context);
    }
}
