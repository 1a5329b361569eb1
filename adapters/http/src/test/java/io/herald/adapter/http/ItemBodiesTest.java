package io.herald.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.adapter.wire.DomainJson;
import io.herald.domain.Delivery;
import io.herald.domain.EventId;
import io.herald.domain.EventType;
import io.herald.domain.Member;
import io.herald.domain.Message;
import io.herald.domain.MessageId;
import io.herald.domain.MessageType;
import io.herald.domain.Notification;
import io.herald.domain.NotificationId;
import io.herald.domain.PlayerId;
import io.herald.domain.Priority;
import io.herald.domain.RoomId;
import io.herald.domain.RoomMessage;
import io.herald.domain.RoomText;
import io.herald.domain.Sender;
import io.herald.domain.SessionId;
import io.herald.domain.Trigger;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The typed items pages list are the frames the WebSocket pushes for the same values, byte for byte as Micronaut's
 * mapper writes them: one rendering each, whichever channel a client reads it from.
 */
class ItemBodiesTest {
    private static final Instant AT = Instant.parse("2026-01-09T10:30:00.120Z");
    private static final Member ANA = new Member(new SessionId("s-1"), new PlayerId("ana"));

    private static Notification notification(String metadata, Optional<String> from, Optional<Instant> read,
            Optional<Instant> dismissed) {
        return new Notification(new NotificationId("n-1"), ANA, "quest", "Title \"quoted\"", "Message", Priority.URGENT,
                metadata, from, AT, read, dismissed);
    }

    /** What lists showed before the items were typed: the pushed frame's fields, then where it was read. */
    private static String listed(Notification n) {
        ObjectNode item = DomainJson.notification(n);
        n.readAt().ifPresentOrElse(at -> item.put("readAt", DomainJson.timestamp(at)), () -> item.putNull("readAt"));
        n.dismissedAt().ifPresentOrElse(at -> item.put("dismissedAt", DomainJson.timestamp(at)),
                () -> item.putNull("dismissedAt"));
        return item.toString();
    }

    @Test
    void a_missed_message_is_the_ai_message_frame() {
        Message copy = new Message(new MessageId("m-1"), MessageType.BROADCAST, ANA.session(), ANA.player(), Sender.AI,
                "Great \u00e9 job!\n", new Trigger(new EventId("NodeComplete-1"), EventType.NODE_COMPLETE), AT,
                AT.plus(Message.RETENTION), new Delivery.Created());

        assertThat(WireJson.write(ItemBodies.MissedMessage.of(copy))).isEqualTo(DomainJson.message(copy).toString());
    }

    @Test
    void a_room_message_is_the_room_message_frame() {
        RoomMessage said = new RoomMessage(new RoomId("lobby"), 3, 1_764_567_000_123L, new MessageId("m-1"), ANA,
                new RoomText("hello"), AT);

        assertThat(WireJson.write(ItemBodies.RoomMessageItem.of(said))).isEqualTo(DomainJson.roomMessage(said).toString());
    }

    @Test
    void a_notification_is_the_notification_frame_with_nulls_kept_and_metadata_as_sent() {
        Notification bare = notification("{}", Optional.empty(), Optional.empty(), Optional.empty());
        Notification full = notification("{\"k\":1,\"big\":12345678901234567890,\"x\":1.5,\"n\":null,\"l\":[]}",
                Optional.of("sage"), Optional.of(AT), Optional.of(AT.plusSeconds(1)));

        assertThat(WireJson.write(ItemBodies.NotificationItem.of(bare))).isEqualTo(listed(bare));
        assertThat(WireJson.write(ItemBodies.NotificationItem.of(full))).isEqualTo(listed(full));
    }
}
