package io.herald.adapter.http;

import io.herald.application.ManageConnections;
import io.herald.application.port.ConnectionLog;
import io.herald.domain.ConnectionId;
import io.herald.domain.ConnectionRecord;
import io.herald.domain.ConnectionStatus;
import io.herald.domain.Member;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The connection manager's admin API (seed 004), service key only: a player's, a session's or all connections,
 * a status change (disconnecting closes the socket), and a cleanup on demand.
 */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/admin")
public class AdminConnectionsController {
    static final int MAX_PAGE = 1_000;
    private static final String SERVICE_ONLY = "the admin API takes the service key";

    private final ManageConnections manage;
    private final Callers callers;
    private final Duration inactiveAfter;

    public AdminConnectionsController(ManageConnections manage, Callers callers,
            @Value("${herald.connections.inactive-after:1h}") Duration inactiveAfter) {
        this.manage = manage;
        this.callers = callers;
        this.inactiveAfter = inactiveAfter;
    }

    @ErrorResponses
    @Get(value = "/connections", produces = "application/json")
    public HttpResponse<AdminBodies.ConnectionList> all(HttpRequest<?> request, @QueryValue Optional<String> cursor,
            @QueryValue Optional<String> limit) {
        callers.requireService(request, SERVICE_ONLY);
        int size = HttpJson.pageSize(limit, 100, MAX_PAGE);
        ConnectionLog.RecordPage page = PageCursors.read("cursor", cursor, from -> manage.all(from, size));
        return HttpJson.body(AdminBodies.ConnectionList.of(page.records(), PageCursors.text(page.next())));
    }

    @ErrorResponses
    @Get(value = "/players/{sessionId}/{playerId}/connections", produces = "application/json")
    public HttpResponse<AdminBodies.ConnectionList> ofPlayer(HttpRequest<?> request, @PathVariable String sessionId,
            @PathVariable String playerId) {
        callers.requireService(request, SERVICE_ONLY);
        return whole(manage.ofPlayer(new Member(HttpJson.parsed("sessionId", sessionId, SessionId::new),
                HttpJson.parsed("playerId", playerId, PlayerId::new))));
    }

    @ErrorResponses
    @Get(value = "/sessions/{sessionId}/connections", produces = "application/json")
    public HttpResponse<AdminBodies.ConnectionList> ofSession(HttpRequest<?> request, @PathVariable String sessionId) {
        callers.requireService(request, SERVICE_ONLY);
        return whole(manage.ofSession(HttpJson.parsed("sessionId", sessionId, SessionId::new)));
    }

    /** {@code {status: "connected" | "disconnected"}}; disconnecting closes the socket (4001) where it can. */
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RequestBodies.StatusChange.class)))
    @ErrorResponses
    @Put(value = "/connections/{connectionId}/status", consumes = "*/*", produces = "application/json")
    public HttpResponse<AdminBodies.StatusChanged> status(HttpRequest<?> request, @PathVariable String connectionId,
            @Nullable @Body String body) {
        callers.requireService(request, SERVICE_ONLY);
        ConnectionId id = HttpJson.parsed("connectionId", connectionId, ConnectionId::new);
        String wanted = HttpJson.text(HttpJson.parseObject(body), "status");
        ConnectionStatus status = switch (wanted.toLowerCase(Locale.ROOT)) {
            case "connected" -> ConnectionStatus.CONNECTED;
            case "disconnected" -> ConnectionStatus.DISCONNECTED;
            default -> throw ApiException.badField("status", "invalid_field", "'status' is connected or disconnected");
        };
        if (!manage.setStatus(id, status)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "connection_not_found", "no record of this connection");
        }
        return HttpJson.body(new AdminBodies.StatusChanged(id.value(), status.name().toLowerCase(Locale.ROOT)));
    }

    @ErrorResponses
    @Post(value = "/connections/cleanup", consumes = "*/*", produces = "application/json")
    public HttpResponse<AdminBodies.Cleanup> cleanUp(HttpRequest<?> request) {
        callers.requireService(request, SERVICE_ONLY);
        ManageConnections.Cleaned cleaned = manage.cleanUp(inactiveAfter);
        return HttpJson.body(new AdminBodies.Cleanup(cleaned.closed(), cleaned.forgotten(), inactiveAfter));
    }

    private static HttpResponse<AdminBodies.ConnectionList> whole(List<ConnectionRecord> records) {
        return HttpJson.body(AdminBodies.ConnectionList.of(records, Optional.empty()));
    }

}
