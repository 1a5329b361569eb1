package io.herald.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.application.Caller;
import io.herald.application.CreateRoom;
import io.herald.application.JoinRoom;
import io.herald.application.Refused;
import io.herald.application.RoomHistory;
import io.herald.application.SendRoomMessage;
import io.herald.application.port.RoomStore;
import io.herald.domain.ClientMessageId;
import io.herald.domain.Member;
import io.herald.domain.Room;
import io.herald.domain.RoomId;
import io.herald.domain.RoomPosition;
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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import java.util.Optional;

/**
 * Rooms over HTTP (seed 002): make a general room, join and leave it, read its history a page at a time (newest
 * first unless {@code after} is given), send to it, move the read cursor, and list the caller's rooms with unread
 * counts. Every call is a player's, known by its token; the sender of a message is always that player. A guild
 * room's id is {@code GUILD#{guildId}} ({@code GUILD%23…} in a path).
 */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/rooms")
public class RoomsController {
    private static final String WHY_PLAYER = "rooms are read and written with a player's token";
    static final int MAX_PAGE = 100;
    static final int DEFAULT_PAGE = 50;

    private final CreateRoom createRoom;
    private final JoinRoom joinRoom;
    private final SendRoomMessage sendRoomMessage;
    private final RoomHistory history;
    private final Callers callers;

    public RoomsController(CreateRoom createRoom, JoinRoom joinRoom, SendRoomMessage sendRoomMessage,
            RoomHistory history, Callers callers) {
        this.createRoom = createRoom;
        this.joinRoom = joinRoom;
        this.sendRoomMessage = sendRoomMessage;
        this.history = history;
        this.callers = callers;
    }

    /** {@code {roomId, name?}}; a player who makes a room is its first member, the service key makes it empty. */
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RequestBodies.RoomCreation.class)))
    @ErrorResponses
    @Post(consumes = "*/*", produces = "application/json")
    public HttpResponse<RoomBodies.RoomCreated> create(HttpRequest<?> request, @Nullable @Body String body) {
        Callers.Caller caller = callers.require(request);
        ObjectNode fields = HttpJson.parseObject(body);
        RoomId room = HttpJson.parsed("roomId", HttpJson.text(fields, "roomId"), RoomId::new);
        String name = HttpJson.optionalText(fields, "name").orElse(room.value());
        if (!Room.isValidName(name)) {
            throw ApiException.badField("name", "invalid_field", "'name' must be 1 to " + Room.MAX_NAME_LENGTH
                    + " characters without control characters");
        }
        Optional<Caller> creator = caller instanceof Callers.Player player
                ? Optional.of(new Caller.WithToken(member(player)))
                : Optional.empty();
        return switch (createRoom.create(new CreateRoom.Command(creator, room, name))) {
            case CreateRoom.Created created -> HttpJson.body(RoomBodies.RoomCreated.of(created.room()))
                    .status(HttpStatus.CREATED);
            case Refused refused -> throw Refusals.toException(refused.refusal());
        };
    }

    @ErrorResponses
    @Get(produces = "application/json")
    public HttpResponse<RoomBodies.RoomList> mine(HttpRequest<?> request) {
        Caller caller = callers.requireMember(request, WHY_PLAYER);
        return HttpJson.body(new RoomBodies.RoomList(
                history.roomsOf(caller).stream().map(RoomBodies.MemberRoom::of).toList()));
    }

    @ErrorResponses
    @Post(value = "/{roomId}/join", consumes = "*/*", produces = "application/json")
    public HttpResponse<RoomBodies.RoomMembership> join(HttpRequest<?> request, @PathVariable String roomId) {
        Caller caller = callers.requireMember(request, WHY_PLAYER);
        return membership(joinRoom.join(new JoinRoom.Command(caller, roomId(roomId))));
    }

    @ErrorResponses
    @Post(value = "/{roomId}/leave", consumes = "*/*", produces = "application/json")
    public HttpResponse<RoomBodies.RoomMembership> leave(HttpRequest<?> request, @PathVariable String roomId) {
        Caller caller = callers.requireMember(request, WHY_PLAYER);
        return membership(joinRoom.leave(new JoinRoom.Command(caller, roomId(roomId))));
    }

    private static HttpResponse<RoomBodies.RoomMembership> membership(JoinRoom.Outcome outcome) {
        return switch (outcome) {
            case JoinRoom.Joined joined ->
                    HttpJson.body(RoomBodies.RoomMembership.joined(joined.room().value(), joined.already()));
            case JoinRoom.Left left -> HttpJson.body(RoomBodies.RoomMembership.left(left.room().value()));
            case Refused refused -> throw Refusals.toException(refused.refusal());
        };
    }

    @ErrorResponses
    @Get(value = "/{roomId}/messages", produces = "application/json")
    public HttpResponse<ResponseBodies.HistoryPage> messages(HttpRequest<?> request, @PathVariable String roomId,
            @QueryValue Optional<String> before, @QueryValue Optional<String> after,
            @QueryValue Optional<String> limit) {
        Caller caller = callers.requireMember(request, WHY_PLAYER);
        RoomId room = roomId(roomId);
        if (before.isPresent() && after.isPresent()) {
            throw ApiException.badField("after", "invalid_field", "give 'before' or 'after', not both");
        }
        int size = HttpJson.pageSize(limit, DEFAULT_PAGE, MAX_PAGE);
        boolean forward = after.isPresent();
        RoomHistory.Outcome outcome = PageCursors.read(forward ? "after" : "before", forward ? after : before,
                from -> history.page(caller, room, forward ? new RoomStore.HistoryQuery(Optional.empty(), from, size)
                        : new RoomStore.HistoryQuery(from, Optional.empty(), size)));
        return switch (outcome) {
            case RoomHistory.Page page -> HttpJson.body(new ResponseBodies.HistoryPage(room.value(),
                    forward ? "oldest-first" : "newest-first",
                    page.page().messages().stream().map(ItemBodies.RoomMessageItem::of).toList(),
                    PageCursors.text(page.page().next())));
            case RoomHistory.Marked marked -> throw new IllegalStateException("a page was asked for");
            case Refused refused -> throw Refusals.toException(refused.refusal());
        };
    }

    /** {@code {text, clientMessageId?}}: the sender is the token's player; a {@code senderId} given is ignored. */
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RequestBodies.RoomPost.class)))
    @ErrorResponses
    @Post(value = "/{roomId}/messages", consumes = "*/*", produces = "application/json")
    public HttpResponse<ResponseBodies.SentRoomMessage> send(HttpRequest<?> request, @PathVariable String roomId,
            @Nullable @Body String body) {
        Caller caller = callers.requireMember(request, WHY_PLAYER);
        RoomId room = roomId(roomId);
        ObjectNode fields = HttpJson.parseObject(body);
        String text = HttpJson.text(fields, "text");
        Optional<ClientMessageId> clientMessageId = HttpJson.optionalText(fields, "clientMessageId")
                .map(id -> HttpJson.parsed("clientMessageId", id, ClientMessageId::new));
        return switch (sendRoomMessage.send(new SendRoomMessage.Command(caller, room, text, clientMessageId))) {
            case SendRoomMessage.Sent sent -> HttpJson.body(ResponseBodies.SentRoomMessage.of(sent.message(),
                    sent.repeated())).status(sent.repeated() ? HttpStatus.OK : HttpStatus.CREATED);
            case SendRoomMessage.Limited limited -> throw ApiException.rateLimited(
                    "too many messages to this room; slow down", limited.retryAfter());
            case Refused refused -> throw Refusals.toException(refused.refusal());
        };
    }

    /** {@code {offset, epoch}}: the member has read this far; the cursor only moves forward. */
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RequestBodies.ReadPosition.class)))
    @ErrorResponses
    @Post(value = "/{roomId}/read", consumes = "*/*", produces = "application/json")
    public HttpResponse<RoomBodies.ReadMark> read(HttpRequest<?> request, @PathVariable String roomId,
            @Nullable @Body String body) {
        Caller caller = callers.requireMember(request, WHY_PLAYER);
        RoomId room = roomId(roomId);
        ObjectNode fields = HttpJson.parseObject(body);
        RoomPosition position = new RoomPosition(whole(fields, "offset", true), whole(fields, "epoch", false));
        return switch (history.markRead(caller, room, position)) {
            case RoomHistory.Marked marked -> HttpJson.body(new RoomBodies.ReadMark(room.value(),
                    marked.read().offset(), marked.read().epoch()));
            case RoomHistory.Page page -> throw new IllegalStateException("a cursor move was asked for");
            case Refused refused -> throw Refusals.toException(refused.refusal());
        };
    }

    private static long whole(ObjectNode fields, String field, boolean notNegative) {
        JsonNode value = fields.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.badField(field, "missing_field", "'" + field + "' is required");
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || notNegative && value.longValue() < 0) {
            throw ApiException.badField(field, "invalid_field", "'" + field + "' must be a whole number"
                    + (notNegative ? " of at least 0" : ""));
        }
        return value.longValue();
    }


    private static Member member(Callers.Player player) {
        return new Member(player.identity().session(), player.identity().player());
    }

    private static RoomId roomId(String value) {
        return HttpJson.parsed("roomId", value, RoomId::new);
    }
}
