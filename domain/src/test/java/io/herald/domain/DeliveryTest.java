package io.herald.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryTest {
    private static final Instant T1 = Instant.parse("2026-01-09T10:30:01Z");
    private static final Instant T2 = Instant.parse("2026-01-09T10:30:02Z");
    private static final Instant T3 = Instant.parse("2026-01-09T10:30:03Z");

    @Test
    void goes_from_created_to_delivered_to_read() {
        Delivery delivered = new Delivery.Created().markDelivered(T1);
        Delivery read = delivered.markRead(T2);

        assertThat(delivered).isEqualTo(new Delivery.Delivered(T1));
        assertThat(read).isEqualTo(new Delivery.Read(T1, T2));
    }

    @Test
    void reading_an_undelivered_copy_also_delivers_it() {
        Delivery read = new Delivery.Created().markRead(T1);

        assertThat(read).isEqualTo(new Delivery.Read(T1, T1));
        assertThat(read.isDelivered()).isTrue();
    }

    @Test
    void repeating_a_delivered_ack_keeps_the_first_time() {
        Delivery delivered = new Delivery.Delivered(T1);

        assertThat(delivered.markDelivered(T2)).isSameAs(delivered);
    }

    @Test
    void retry_of_a_read_message_leaves_it_read() {
        Delivery read = new Delivery.Read(T1, T2);

        assertThat(read.markRead(T3)).isSameAs(read);
        assertThat(read.markDelivered(T3)).isSameAs(read);
    }

    @Test
    void only_the_created_state_is_still_owed() {
        assertThat(new Delivery.Created().isDelivered()).isFalse();
        assertThat(new Delivery.Delivered(T1).isDelivered()).isTrue();
    }
}
