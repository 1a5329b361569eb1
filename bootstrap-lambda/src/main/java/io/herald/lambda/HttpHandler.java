package io.herald.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.herald.application.spi.SessionTokens;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.util.Map;

/**
 * The HTTP API (payload v2): the very controllers of {@code adapters/http} that the server serves, behind the
 * Micronaut API Gateway proxy instead of Netty.
 */
public class HttpHandler extends APIGatewayV2HTTPEventFunction {
    /** Kept here: the CRaC context may hold its resources weakly. */
    private final SnapStartPriming snapStart = SnapStartPriming.register(this::prime);

    public HttpHandler() {
    }

    public HttpHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return LazyStart.builder();
    }

    /**
     * SnapStart priming: requests through routing, token checks, the JSON layer and one store read (a session that
     * does not exist answers 404), so the snapshot holds a warm handler. Nothing is written.
     */
    void prime() {
        LazyStart.createSingletons(getApplicationContext());
        String token = getApplicationContext().getBean(SessionTokens.class)
                .issue(new SessionId("snapstart-priming"), new PlayerId("snapstart-priming"));
        handleRequest(priming("/health", null), null);
        handleRequest(priming("/api/runtime/session/snapstart-priming", token), null);
        LambdaMetrics.forget(getApplicationContext());
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        try {
            return super.handleRequest(request, context);
        } finally {
            LambdaMetrics.flush(getApplicationContext());
        }
    }

    private static APIGatewayV2HTTPEvent priming(String path, String token) {
        Map<String, String> headers = token == null ? Map.of("host", "priming") : Map.of("host", "priming",
                "authorization", "Bearer " + token);
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("$default").withRawPath(path)
                .withRawQueryString("").withHeaders(headers).withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("snapstart-priming")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath(path)
                                .withProtocol("HTTP/1.1").withSourceIp("127.0.0.1").build()).build())
                .build();
    }
}
