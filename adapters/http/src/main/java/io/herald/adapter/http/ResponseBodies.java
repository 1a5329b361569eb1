package io.herald.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.adapter.http.ItemBodies.MissedMessage;
import io.herald.adapter.http.ItemBodies.NotificationItem;
import io.herald.adapter.http.ItemBodies.RoomMessageItem;
import io.herald.domain.Notification;
import io.herald.domain.RoomMessage;
import io.micronaut.core.annotation.Introspected;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Optional;

/**
 * The JSON bodies the main endpoints answer with, serialised by Micronaut's JSON mapper and shown by the OpenAPI
 * document. {@code success} is last, as it always was on the wire; a cursor that is not there is left out, never null.
 * Each record says {@code ALWAYS} itself: Micronaut's mapper leaves empty lists, objects and strings out by default,
 * and an empty page must still say {@code "messages":[]}.
 */
final class ResponseBodies {
    static final String ALWAYS_TRUE = "always true: this is not an error";

    static final String MORE = "there is more: pass it back to read on; left out on the last page";

    private ResponseBodies() {
    }

    @Introspected
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "Registered", description = "The player's session and the token to open the WebSocket with",
            requiredProperties = {"teamCode", "session", "websocketUrl", "token", "success"})
    public record Registered(String teamCode, RegisteredSession session,
            @Schema(example = "wss://herald.example/ws") String websocketUrl,
            @Schema(description = "the Bearer token of this player") String token,
            @Schema(description = ALWAYS_TRUE) boolean success) {

        Registered(String teamCode, RegisteredSession session, String websocketUrl, String token) {
            this(teamCode, session, websocketUrl, token, true);
        }
    }

    @Introspected
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "RegisteredSession", requiredProperties = {"sessionId", "playerId", "playerName", "mode"})
    public record RegisteredSession(String sessionId, String playerId, String playerName,
            @Schema(allowableValues = {"solo", "team"}) String mode) {
    }

    @Introspected
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "EventAccepted", description = "The event's id and the deltas sent to the session's other devices",
            requiredProperties = {"eventId", "deltas", "success"})
    public record EventAccepted(String eventId,
            @ArraySchema(schema = @Schema(type = "object",
                    description = "type, the scalar fields of the delta, and the server's timestamp"))
            List<Object> deltas,
            @Schema(description = ALWAYS_TRUE) boolean success) {

        EventAccepted(String eventId, List<ObjectNode> deltas) {
            this(eventId, List.copyOf(deltas), true);
        }
    }

    /** The pressing notifications come with the first page only: on a later one they are left out, not empty. */
    @Introspected
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "CatchUpPage", description = "Messages a device missed; with the first page, the unread high and "
            + "urgent notifications", requiredProperties = {"messages", "success"})
    public record CatchUpPage(List<MissedMessage> messages,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = MORE) String nextCursor,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "on the first page only")
            List<NotificationItem> notifications,
            @Schema(description = ALWAYS_TRUE) boolean success) {

        CatchUpPage(List<MissedMessage> messages, Optional<String> nextCursor,
                Optional<List<NotificationItem>> notifications) {
            this(messages, nextCursor.orElse(null), notifications.orElse(null), true);
        }
    }

    @Introspected
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "HistoryPage", description = "A page of a room's messages",
            requiredProperties = {"roomId", "order", "messages", "success"})
    public record HistoryPage(String roomId, @Schema(allowableValues = {"newest-first", "oldest-first"}) String order,
            List<RoomMessageItem> messages,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = MORE) String nextCursor,
            @Schema(description = ALWAYS_TRUE) boolean success) {

        HistoryPage(String roomId, String order, List<RoomMessageItem> messages, Optional<String> nextCursor) {
            this(roomId, order, messages, nextCursor.orElse(null), true);
        }
    }

    /** A room message as the sender is answered: the stored one, and whether this send repeated an earlier one. */
    @Introspected
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "SentRoomMessage", requiredProperties = {"roomId", "offset", "epoch", "messageId", "senderId",
        "senderSessionId", "text", "ts", "repeated", "success"})
    public record SentRoomMessage(String roomId, long offset, long epoch, String messageId, String senderId,
            String senderSessionId, String text, @Schema(format = "date-time") String ts,
            @Schema(description = "the clientMessageId was used before; this is the first message") boolean repeated,
            @Schema(description = ALWAYS_TRUE) boolean success) {

        static SentRoomMessage of(RoomMessage message, boolean repeated) {
            RoomMessageItem m = RoomMessageItem.of(message);
            return new SentRoomMessage(m.roomId(), m.offset(), m.epoch(), m.messageId(), m.senderId(),
                    m.senderSessionId(), m.text(), m.ts(), repeated, true);
        }
    }

    @Introspected
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "NotificationPage", description = "A player's notifications, newest first",
            requiredProperties = {"unreadCount", "notifications", "success"})
    public record NotificationPage(long unreadCount, List<NotificationItem> notifications,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = MORE) String nextCursor,
            @Schema(description = ALWAYS_TRUE) boolean success) {

        NotificationPage(long unreadCount, List<NotificationItem> notifications, Optional<String> nextCursor) {
            this(unreadCount, notifications, nextCursor.orElse(null), true);
        }
    }

    /** A notification as the game's backend is answered: the stored one, and whether the key was used before. */
    @Introspected
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "SentNotification", requiredProperties = {"notificationId", "notificationType", "title", "message",
        "priority", "metadata", "fromCharacter", "createdAt", "readAt", "dismissedAt", "repeated", "success"})
    public record SentNotification(String notificationId, String notificationType, String title, String message,
            @Schema(allowableValues = {"low", "normal", "high", "urgent"}) String priority,
            @Schema(type = "object", description = "the JSON object it was sent with") Object metadata,
            @Schema(nullable = true) String fromCharacter,
            @Schema(format = "date-time") String createdAt,
            @Schema(format = "date-time", nullable = true) String readAt,
            @Schema(format = "date-time", nullable = true) String dismissedAt,
            @Schema(description = "the idempotencyKey was used before; this is the first notification") boolean repeated,
            @Schema(description = ALWAYS_TRUE) boolean success) {

        static SentNotification of(Notification notification, boolean repeated) {
            NotificationItem n = NotificationItem.of(notification);
            return new SentNotification(n.notificationId(), n.notificationType(), n.title(), n.message(), n.priority(),
                    n.metadata(), n.fromCharacter(), n.createdAt(), n.readAt(), n.dismissedAt(), repeated, true);
        }
    }

    @Introspected
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "NotificationUpdated", description = "One notification marked read or dismissed",
            requiredProperties = {"notificationId", "changed", "success"})
    public record NotificationUpdated(String notificationId,
            @Schema(description = "false when it already was") boolean changed,
            @Schema(description = ALWAYS_TRUE) boolean success) {

        NotificationUpdated(String notificationId, boolean changed) {
            this(notificationId, changed, true);
        }
    }

    @Introspected
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "NotificationsRead", description = "Every unread notification of the player marked read",
            requiredProperties = {"marked", "success"})
    public record NotificationsRead(@Schema(description = "how many were unread") int marked,
            @Schema(description = ALWAYS_TRUE) boolean success) {

        NotificationsRead(int marked) {
            this(marked, true);
        }
    }
}
