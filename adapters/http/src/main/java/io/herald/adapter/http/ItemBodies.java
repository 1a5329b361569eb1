package io.herald.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.adapter.wire.DomainJson;
import io.herald.domain.Message;
import io.herald.domain.Notification;
import io.herald.domain.RoomMessage;
import io.micronaut.core.annotation.Introspected;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The domain values that pages list, as typed records so the OpenAPI document shows them. Each has exactly the fields
 * of the frame the WebSocket pushes for the same value ({@link DomainJson}), which a test holds them to.
 */
final class ItemBodies {
    private ItemBodies() {
    }

    @Introspected
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "MissedMessage", description = "The fields of the ai_message frame",
            requiredProperties = {"messageId", "messageType", "content", "timestamp", "sk", "sessionId"})
    public record MissedMessage(String messageId, @Schema(allowableValues = {"individual", "broadcast"}) String messageType,
            String content, @Schema(format = "date-time") String timestamp,
            @Schema(description = "the inbox key to acknowledge it with") String sk, String sessionId) {

        static MissedMessage of(Message copy) {
            return new MissedMessage(copy.messageId().value(), copy.type().wireName(), copy.content(),
                    HttpJson.timestamp(copy.createdAt()), copy.inboxKey().value(), copy.session().value());
        }
    }

    /** Where a notification was read and dismissed is {@code null} until it was, never left out. */
    @Introspected
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "NotificationItem", description = "The fields of the notification frame, and where it was read",
            requiredProperties = {"notificationId", "notificationType", "title", "message", "priority", "metadata",
                "fromCharacter", "createdAt", "readAt", "dismissedAt"})
    public record NotificationItem(String notificationId, String notificationType, String title, String message,
            @Schema(allowableValues = {"low", "normal", "high", "urgent"}) String priority,
            @Schema(type = "object", description = "the JSON object it was sent with") Object metadata,
            @Schema(nullable = true) String fromCharacter,
            @Schema(format = "date-time") String createdAt,
            @Schema(format = "date-time", nullable = true) String readAt,
            @Schema(format = "date-time", nullable = true) String dismissedAt) {

        static NotificationItem of(Notification n) {
            ObjectNode pushed = DomainJson.notification(n);
            return new NotificationItem(n.id().value(), n.type(), n.title(), n.message(), n.priority().wireName(),
                    pushed.get("metadata"), n.fromCharacter().orElse(null), HttpJson.timestamp(n.createdAt()),
                    n.readAt().map(HttpJson::timestamp).orElse(null),
                    n.dismissedAt().map(HttpJson::timestamp).orElse(null));
        }
    }

    @Introspected
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "RoomMessage", description = "The fields of the room_message frame", requiredProperties = {
            "roomId", "offset", "epoch", "messageId", "senderId", "senderSessionId", "text", "ts"})
    public record RoomMessageItem(String roomId, long offset, long epoch, String messageId, String senderId,
            String senderSessionId, String text, @Schema(format = "date-time") String ts) {

        static RoomMessageItem of(RoomMessage m) {
            return new RoomMessageItem(m.room().value(), m.offset(), m.epoch(), m.id().value(),
                    m.sender().player().value(), m.sender().session().value(), m.text().value(),
                    HttpJson.timestamp(m.timestamp()));
        }
    }
}
