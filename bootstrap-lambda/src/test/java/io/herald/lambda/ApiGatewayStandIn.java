package io.herald.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in for API Gateway's WebSocket side, as test code: real sockets come in; each open, frame and close
 * becomes a {@code $connect}, {@code $default} or {@code $disconnect} invocation of the Lambda handler, and the
 * route response goes back down the socket. Its {@code @connections} twin is {@link ConnectionsStandIn}.
 */
// $connect runs on the socket's own callback, so it finishes before the first frame is routed (as API Gateway does);
// frames and closes are routed one at a time off the event loop, so a handler may push to @connections meanwhile.
@Requires(property = ApiGatewayStandIn.SPEC)
@ServerWebSocket("/dev")
public class ApiGatewayStandIn {
    static final String SPEC = "herald.test.api-gateway-stand-in";
    static final Map<String, WebSocketSession> SOCKETS = new ConcurrentHashMap<>();
    static volatile WebSocketHandler handler;
    /** Set when a test is done with the Lambda: sockets closing after that route nowhere. */
    static volatile boolean stopped;
    private static final ExecutorService ROUTES = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "api-gateway-stand-in-routes");
        thread.setDaemon(true);
        return thread;
    });

    private static String connectionId(WebSocketSession session) {
        return "apigw" + session.getId().replaceAll("[^A-Za-z0-9]", "");
    }

    @OnOpen
    public void open(WebSocketSession session, HttpRequest<?> request) {
        String id = connectionId(session);
        Map<String, String> query = request.getParameters().getFirst("token").map(t -> Map.of("token", t)).orElse(Map.of());
        APIGatewayV2WebSocketResponse response = handler.handleRequest(AwsEvents.socket("$connect", id, query, null),
                new TestLambdaContext());
        if (response.getStatusCode() != 200) {
            session.close(CloseReason.POLICY_VIOLATION);
            return;
        }
        SOCKETS.put(id, session);
    }

    @OnMessage
    public void message(String text, WebSocketSession session) {
        ROUTES.execute(() -> {
            if (stopped) {
                return;
            }
            APIGatewayV2WebSocketResponse response = handler.handleRequest(
                    AwsEvents.socket("$default", connectionId(session), null, text), new TestLambdaContext());
            Optional.ofNullable(response.getBody()).ifPresent(session::sendSync);
        });
    }

    @OnClose
    public void close(WebSocketSession session) {
        String id = connectionId(session);
        if (SOCKETS.remove(id) != null) {
            ROUTES.execute(() -> {
                if (!stopped) {
                    handler.handleRequest(AwsEvents.socket("$disconnect", id, null, null), new TestLambdaContext());
                }
            });
        }
    }
}
