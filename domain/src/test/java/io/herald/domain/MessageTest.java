package io.herald.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageTest {
    private static final Instant T0 = Instant.parse("2026-01-09T10:30:00Z");
    private static final SessionId SESSION = new SessionId("session-123");
    private static final Milestone MILESTONE = new Milestone(SESSION, new ObjectId("statue"), T0);

    private OutgoingMessage broadcastTo(String... players) {
        return new OutgoingMessage(new MessageId("msg-1"), MessageType.BROADCAST, SESSION,
                java.util.Arrays.stream(players).map(PlayerId::new).toList(), Sender.AI, "Well done, team!",
                Trigger.of(MILESTONE), T0);
    }

    @Test
    void a_broadcast_fans_out_to_one_copy_per_recipient_sharing_one_message_id() {
        List<Message> copies = broadcastTo("p1", "p2", "p3").fanOut();

        assertThat(copies).extracting(Message::recipient).extracting(PlayerId::value).containsExactly("p1", "p2", "p3");
        assertThat(copies).extracting(Message::messageId).containsOnly(new MessageId("msg-1"));
        assertThat(copies).extracting(c -> c.inboxKey().value()).containsExactly(
                "ai-msg#p1#" + MILESTONE.id(), "ai-msg#p2#" + MILESTONE.id(), "ai-msg#p3#" + MILESTONE.id());
        assertThat(copies).extracting(Message::delivery).containsOnly(new Delivery.Created());
    }

    @Test
    void a_recipient_named_twice_gets_one_copy() {
        assertThat(broadcastTo("p1", "p1", "p2").fanOut()).hasSize(2);
    }

    @Test
    void every_copy_expires_48_hours_after_creation() {
        Message copy = broadcastTo("p1").fanOut().getFirst();

        assertThat(copy.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(48)));
        assertThat(copy.isExpiredAt(T0.plus(Duration.ofHours(48)).minusMillis(1))).isFalse();
        assertThat(copy.isExpiredAt(T0.plus(Duration.ofHours(48)))).isTrue();
    }

    @Test
    void an_individual_message_has_exactly_one_recipient() {
        assertThatThrownBy(() -> new OutgoingMessage(new MessageId("m"), MessageType.INDIVIDUAL, SESSION,
                List.of(new PlayerId("p1"), new PlayerId("p2")), Sender.AI, "hi", Trigger.of(MILESTONE), T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void content_must_fit_a_frame() {
        assertThatThrownBy(() -> new OutgoingMessage(new MessageId("m"), MessageType.INDIVIDUAL, SESSION,
                List.of(new PlayerId("p1")), Sender.AI, "x".repeat(Message.MAX_CONTENT_LENGTH + 1),
                Trigger.of(MILESTONE), T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acknowledging_moves_only_the_delivery_state() {
        Message copy = broadcastTo("p1").fanOut().getFirst();

        Message read = copy.acknowledge(Ack.DELIVERED, T0.plusSeconds(1)).acknowledge(Ack.READ, T0.plusSeconds(2));

        assertThat(read.delivery()).isEqualTo(new Delivery.Read(T0.plusSeconds(1), T0.plusSeconds(2)));
        assertThat(read).usingRecursiveComparison().ignoringFields("delivery").isEqualTo(copy);
        assertThat(read.acknowledge(Ack.READ, T0.plusSeconds(9))).isSameAs(read);
        assertThat(read.acknowledge(Ack.DELIVERED, T0.plusSeconds(9))).as("never backwards").isSameAs(read);
    }
}
