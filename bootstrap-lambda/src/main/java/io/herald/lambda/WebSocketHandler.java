package io.herald.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.herald.adapter.protocol.ProtocolDispatcher;
import io.herald.application.CloseConnection;
import io.herald.application.OpenConnection;
import io.herald.application.RelayVoice;
import io.herald.application.spi.SessionTokens;
import io.herald.domain.ConnectionId;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The WebSocket API's three routes. {@code $connect} is the only moment the token is seen, so the identity is
 * stored then (or the handshake refused, nothing stored); {@code $default} is the server's own protocol, and its
 * reply frame is the route response API Gateway hands back to the client.
 */
public class WebSocketHandler extends MicronautRequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
    private static final String PRIMING_CONNECTION = "snapstart-priming";

    /** Kept here: the CRaC context may hold its resources weakly. */
    private final SnapStartPriming snapStart = SnapStartPriming.register(this::prime);

    @Inject
    SessionTokens tokens;
    @Inject
    OpenConnection openConnection;
    @Inject
    CloseConnection closeConnection;

    @Inject
    RelayVoice voice;
    @Inject
    ProtocolDispatcher dispatcher;

    public WebSocketHandler() {
    }

    public WebSocketHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return LazyStart.builder();
    }

    /**
     * SnapStart priming: frames down the whole path (codec, dispatcher, a store read, the reply) so the classes, the
     * JSON mappers and the DynamoDB client are ready in the snapshot. Nothing is written.
     */
    void prime() {
        LazyStart.createSingletons(getApplicationContext());
        execute(priming("{\"type\":\"ping\"}"));
        execute(priming("{\"type\":\"ai_message_delivered\",\"sessionId\":\"priming\",\"sk\":\"ai-msg#priming#Priming-0\"}"));
        LambdaMetrics.forget(getApplicationContext());
    }

    private static APIGatewayV2WebSocketEvent priming(String frame) {
        APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
        APIGatewayV2WebSocketEvent.RequestContext context = new APIGatewayV2WebSocketEvent.RequestContext();
        context.setRouteKey("$default");
        context.setConnectionId(PRIMING_CONNECTION);
        event.setRequestContext(context);
        event.setBody(frame);
        return event;
    }

    @Override
    public APIGatewayV2WebSocketResponse execute(APIGatewayV2WebSocketEvent event) {
        try {
            return route(event);
        } finally {
            LambdaMetrics.flush(getApplicationContext());
        }
    }

    private APIGatewayV2WebSocketResponse route(APIGatewayV2WebSocketEvent event) {
        ConnectionId connection = new ConnectionId(event.getRequestContext().getConnectionId());
        return switch (event.getRequestContext().getRouteKey()) {
            case "$connect" -> connect(connection, Optional.ofNullable(event.getQueryStringParameters()).orElse(Map.of()),
                    event.getRequestContext().getIdentity());
            case "$disconnect" -> {
                voice.hangUp(connection);
                closeConnection.close(new CloseConnection.Command(connection));
                yield response(200, null);
            }
            default -> {
                List<String> replies = dispatcher.handle(connection, Optional.ofNullable(event.getBody()).orElse(""));
                yield response(200, replies.isEmpty() ? null : replies.getFirst());
            }
        };
    }

    private APIGatewayV2WebSocketResponse connect(ConnectionId connection, Map<String, String> query,
            APIGatewayV2WebSocketEvent.RequestIdentity client) {
        Optional<SessionTokens.Identity> identity = Optional.ofNullable(query.get("token")).flatMap(tokens::verify);
        if (identity.isEmpty()) {
            return response(401, "{\"type\":\"error\",\"code\":\"invalid_token\",\"message\":\"a valid token is required\"}");
        }
        openConnection.open(new OpenConnection.Command(connection, identity.get().session(), identity.get().player(),
                client == null ? "" : Optional.ofNullable(client.getSourceIp()).orElse(""),
                client == null ? "" : Optional.ofNullable(client.getUserAgent()).orElse("")));
        return response(200, null);
    }

    private static APIGatewayV2WebSocketResponse response(int status, String body) {
        APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(status);
        response.setBody(body);
        return response;
    }
}
