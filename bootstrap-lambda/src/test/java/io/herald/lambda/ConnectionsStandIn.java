package io.herald.lambda;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.websocket.WebSocketSession;

/**
 * The stand-in's Management API: {@code POST /@connections/{id}} writes to that socket and {@code DELETE} closes it
 * (API Gateway then routes {@code $disconnect}), or either answers 410 Gone.
 */
@Requires(property = ApiGatewayStandIn.SPEC)
@Controller("/@connections")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConnectionsStandIn {

    @Post(value = "/{connectionId}", consumes = "*/*")
    public HttpResponse<String> post(@PathVariable String connectionId, @Body String frame) {
        WebSocketSession socket = ApiGatewayStandIn.SOCKETS.get(connectionId);
        if (socket == null || !socket.isOpen()) {
            return HttpResponse.<String>status(io.micronaut.http.HttpStatus.GONE).header("x-amzn-ErrorType", "GoneException")
                    .body("{\"message\":\"Gone\"}");
        }
        socket.sendSync(frame);
        return HttpResponse.ok();
    }

    @Delete("/{connectionId}")
    public HttpResponse<String> delete(@PathVariable String connectionId) {
        WebSocketSession socket = ApiGatewayStandIn.SOCKETS.get(connectionId);
        if (socket == null || !socket.isOpen()) {
            return HttpResponse.<String>status(io.micronaut.http.HttpStatus.GONE).header("x-amzn-ErrorType", "GoneException")
                    .body("{\"message\":\"Gone\"}");
        }
        socket.close(io.micronaut.websocket.CloseReason.GOING_AWAY);
        return HttpResponse.noContent();
    }
}
