package io.herald.adapter.http;

import io.herald.adapter.wire.InputFault;
import io.herald.application.DescribeSession;
import io.herald.application.FetchUndelivered;
import io.herald.application.PlayerNotifications;
import io.herald.application.RecordGameEvent;
import io.herald.application.Refused;
import io.herald.application.port.Clock;
import io.herald.application.port.MessagePage;
import io.herald.application.port.PageCursor;
import io.herald.application.port.PageRequest;
import io.herald.domain.Member;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import java.util.List;
import java.util.Optional;

/** The game runtime's endpoints: events in, catch-up out, and the session snapshot a reconnecting client reads. */
// Store calls block: they run on virtual threads, never on Netty's event loop.
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller
public class RuntimeController {
    private final RecordGameEvent recordGameEvent;
    private final FetchUndelivered fetchUndelivered;
    private final DescribeSession describeSession;
    private final Callers callers;
    private final Clock clock;
    private final RateLimits limits;
    private final PlayerNotifications notifications;

    public RuntimeController(RecordGameEvent recordGameEvent, FetchUndelivered fetchUndelivered,
            DescribeSession describeSession, Callers callers, Clock clock, RateLimits limits,
            PlayerNotifications notifications) {
        this.recordGameEvent = recordGameEvent;
        this.fetchUndelivered = fetchUndelivered;
        this.describeSession = describeSession;
        this.callers = callers;
        this.clock = clock;
        this.limits = limits;
        this.notifications = notifications;
    }

    /** The caller is known before the body is read: an unauthenticated request is a 401, whatever it sent. */
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RequestBodies.GameEvent.class)))
    @ErrorResponses
    @Post(value = "/runtime/events", consumes = "*/*", produces = "application/json")
    public HttpResponse<ResponseBodies.EventAccepted> event(HttpRequest<?> request, @Nullable @Body String body) {
        Callers.Caller caller = callers.require(request);
        RateLimits.require(limits.event(caller), "events from this caller");
        EventRequests.EventRequest parsed = EventRequests.parse(HttpJson.parseObject(body), clock.now(), caller);
        callers.requireSession(caller, parsed.event().session());
        if (caller instanceof Callers.Player) {
            PlayerId actor = parsed.player().orElseThrow(() -> missing("playerId"));
            callers.requirePlayer(caller, parsed.event().session(), actor);
        }
        return switch (recordGameEvent.record(new RecordGameEvent.Command(parsed.event(), parsed.deltas()))) {
            case RecordGameEvent.Recorded recorded -> HttpJson.body(new ResponseBodies.EventAccepted(
                    recorded.eventId().value(), recorded.deltas().stream().map(HttpJson::delta).toList()));
            case Refused refused -> throw Refusals.toException(refused.refusal());
        };
    }

    @ErrorResponses
    @Get(value = "/runtime/messages/undelivered", produces = "application/json")
    public HttpResponse<ResponseBodies.CatchUpPage> undelivered(HttpRequest<?> request,
            @QueryValue Optional<String> sessionId, @QueryValue Optional<String> playerId,
            @QueryValue Optional<String> cursor, @QueryValue Optional<String> limit) {
        Callers.Caller caller = callers.require(request);
        SessionId session = HttpJson.parsed("sessionId", sessionId.orElseThrow(() -> missing("sessionId")), SessionId::new);
        PlayerId player = HttpJson.parsed("playerId", playerId.orElseThrow(() -> missing("playerId")), PlayerId::new);
        callers.requirePlayer(caller, session, player);
        PageRequest first = HttpJson.parsed("limit", limit.orElse(String.valueOf(PageRequest.MAX_LIMIT)),
                l -> PageRequest.first(Integer.parseInt(l.strip())));
        // A blank cursor has always meant the first page here, as no cursor does.
        Optional<PageCursor> from = cursor.filter(c -> !c.isBlank())
                .map(c -> HttpJson.parsed("cursor", c, PageCursor::new));
        // The store is the judge of a cursor (it made it): its refusal is about 'cursor', nothing else is.
        MessagePage page;
        try {
            page = fetchUndelivered.fetch(new FetchUndelivered.Query(session, player, new PageRequest(from, first.limit())));
        } catch (PageCursor.Invalid refused) {
            throw ApiException.badField("cursor", InputFault.INVALID_FIELD.code(), "'cursor': " + refused.getMessage());
        }
        // Pressing notifications come with the first page only, so paging on does not repeat them.
        Optional<List<ItemBodies.NotificationItem>> pressing = cursor.isPresent() ? Optional.empty()
                : Optional.of(notifications.pressing(new Member(session, player)).stream()
                        .map(ItemBodies.NotificationItem::of).toList());
        return HttpJson.body(new ResponseBodies.CatchUpPage(
                page.messages().stream().map(ItemBodies.MissedMessage::of).toList(),
                PageCursors.text(page.nextCursor()), pressing));
    }

    @ErrorResponses
    @Get(value = "/api/runtime/session/{sessionId}", produces = "application/json")
    public HttpResponse<SessionBodies.SessionSnapshot> session(HttpRequest<?> request, @PathVariable String sessionId) {
        Callers.Caller caller = callers.require(request);
        SessionId session = HttpJson.parsed("sessionId", sessionId, SessionId::new);
        callers.requireSession(caller, session);
        return switch (describeSession.describe(session)) {
            case DescribeSession.Snapshot snapshot ->
                    HttpJson.body(SessionBodies.SessionSnapshot.of(session.value(), snapshot));
            case Refused refused -> throw Refusals.toException(refused.refusal());
        };
    }

    private static ApiException missing(String field) {
        return ApiException.badField(field, "missing_field", "'" + field + "' is required");
    }
}
