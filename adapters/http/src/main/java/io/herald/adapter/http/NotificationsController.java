package io.herald.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.application.Caller;
import io.herald.application.Notify;
import io.herald.application.PlayerNotifications;
import io.herald.application.Refused;
import io.herald.domain.Member;
import io.herald.domain.Notification;
import io.herald.domain.NotificationId;
import io.herald.domain.PlayerId;
import io.herald.domain.Priority;
import io.herald.domain.SessionId;
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
 * Notifications (seed 003): the game's backend sends one to a player with the service key; a player lists its own
 * (newest first, with the unread count), marks one read, dismisses one, or marks all read.
 */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/notifications")
public class NotificationsController {
    private static final String WHY_PLAYER = "a player's notifications are read with its token";
    static final int MAX_PAGE = 100;
    static final int MAX_KEY_LENGTH = 128;

    private final Notify notify;
    private final PlayerNotifications notifications;
    private final Callers callers;

    public NotificationsController(Notify notify, PlayerNotifications notifications, Callers callers) {
        this.notify = notify;
        this.notifications = notifications;
        this.callers = callers;
    }

    /**
     * {@code {sessionId, playerId, notificationType, title, message, priority?, metadata?, fromCharacter?,
     * idempotencyKey?}}, service key only: 201 with the notification, or 200 with {@code repeated: true} and the first
     * one when the idempotency key was used before.
     */
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RequestBodies.NotificationRequest.class)))
    @ErrorResponses
    @Post(consumes = "*/*", produces = "application/json")
    public HttpResponse<ResponseBodies.SentNotification> send(HttpRequest<?> request, @Nullable @Body String body) {
        callers.requireService(request, "notifications are sent with the service key");
        ObjectNode fields = HttpJson.parseObject(body);
        Member recipient = new Member(HttpJson.parsed("sessionId", HttpJson.text(fields, "sessionId"), SessionId::new),
                HttpJson.parsed("playerId", HttpJson.text(fields, "playerId"), PlayerId::new));
        String type = HttpJson.text(fields, "notificationType");
        String title = HttpJson.text(fields, "title");
        String message = HttpJson.text(fields, "message");
        Priority priority = HttpJson.optionalText(fields, "priority").map(p -> Priority.fromWire(p).orElseThrow(() ->
                ApiException.badField("priority", "invalid_field", "'priority' is low, normal, high or urgent")))
                .orElse(Priority.NORMAL);
        String metadata = metadata(fields.get("metadata"));
        Optional<String> fromCharacter = HttpJson.optionalText(fields, "fromCharacter");
        Optional<String> key = HttpJson.optionalText(fields, "idempotencyKey");
        if (key.isPresent() && (key.get().isBlank() || key.get().length() > MAX_KEY_LENGTH
                || key.get().chars().anyMatch(Character::isISOControl))) {
            throw ApiException.badField("idempotencyKey", "invalid_field",
                    "'idempotencyKey' is 1 to " + MAX_KEY_LENGTH + " characters without control characters");
        }
        Notify.Command command = checked(() -> new Notify.Command(recipient, type, title, message, priority, metadata,
                fromCharacter, key));
        Notify.Outcome outcome = checked(() -> notify.notify(command));
        return switch (outcome) {
            case Notify.Notified notified -> HttpJson.body(ResponseBodies.SentNotification.of(notified.notification(),
                    notified.repeated())).status(notified.repeated() ? HttpStatus.OK : HttpStatus.CREATED);
            case Refused refused -> throw Refusals.toException(refused.refusal());
        };
    }

    /** A field the notification's own rules refuse (a title too long, say) is the client's 400, never a 500. */
    private static <T> T checked(java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_field", e.getMessage());
        }
    }

    private static String metadata(JsonNode metadata) {
        if (metadata == null || metadata.isNull()) {
            return "{}";
        }
        if (!metadata.isObject()) {
            throw ApiException.badField("metadata", "invalid_field", "'metadata' must be a JSON object");
        }
        String text = metadata.toString();
        if (text.length() > Notification.MAX_METADATA_LENGTH) {
            throw ApiException.badField("metadata", "invalid_field",
                    "'metadata' is at most " + Notification.MAX_METADATA_LENGTH + " characters of JSON");
        }
        return text;
    }

    @ErrorResponses
    @Get(produces = "application/json")
    public HttpResponse<ResponseBodies.NotificationPage> list(HttpRequest<?> request, @QueryValue Optional<String> unread,
            @QueryValue Optional<String> cursor, @QueryValue Optional<String> limit) {
        Caller caller = callers.requireMember(request, WHY_PLAYER);
        boolean unreadOnly = HttpJson.parsed("unread", unread.orElse("false"), u -> switch (u) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        });
        int size = HttpJson.pageSize(limit, 50, MAX_PAGE);
        PlayerNotifications.Outcome outcome = PageCursors.read("cursor", cursor,
                from -> notifications.list(caller, unreadOnly, from, size));
        return switch (outcome) {
            case PlayerNotifications.Listed listed -> HttpJson.body(new ResponseBodies.NotificationPage(listed.unread(),
                    listed.page().notifications().stream().map(ItemBodies.NotificationItem::of).toList(),
                    PageCursors.text(listed.page().next())));
            case Refused refused -> throw Refusals.toException(refused.refusal());
            default -> throw new IllegalStateException("a list was asked for");
        };
    }

    @ErrorResponses
    @Post(value = "/{notificationId}/read", consumes = "*/*", produces = "application/json")
    public HttpResponse<ResponseBodies.NotificationUpdated> read(HttpRequest<?> request, @PathVariable String notificationId) {
        return updated(notifications.markRead(callers.requireMember(request, WHY_PLAYER), id(notificationId)));
    }

    @ErrorResponses
    @Post(value = "/{notificationId}/dismiss", consumes = "*/*", produces = "application/json")
    public HttpResponse<ResponseBodies.NotificationUpdated> dismiss(HttpRequest<?> request, @PathVariable String notificationId) {
        return updated(notifications.dismiss(callers.requireMember(request, WHY_PLAYER), id(notificationId)));
    }

    @ErrorResponses
    @Post(value = "/read-all", consumes = "*/*", produces = "application/json")
    public HttpResponse<ResponseBodies.NotificationsRead> readAll(HttpRequest<?> request) {
        return switch (notifications.markAllRead(callers.requireMember(request, WHY_PLAYER))) {
            case PlayerNotifications.AllRead all -> HttpJson.body(new ResponseBodies.NotificationsRead(all.marked()));
            case Refused refused -> throw Refusals.toException(refused.refusal());
            default -> throw new IllegalStateException("marking all read was asked for");
        };
    }

    private static HttpResponse<ResponseBodies.NotificationUpdated> updated(PlayerNotifications.Outcome outcome) {
        return switch (outcome) {
            case PlayerNotifications.Updated updated -> HttpJson.body(
                    new ResponseBodies.NotificationUpdated(updated.id().value(), updated.changed()));
            case Refused refused -> throw Refusals.toException(refused.refusal());
            default -> throw new IllegalStateException("one notification's update was asked for");
        };
    }


    private static NotificationId id(String value) {
        return HttpJson.parsed("notificationId", value, NotificationId::new);
    }
}
