package io.herald.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BroadcastScenarioTest {
    private static final long MS = 1_000_000;

    @Test
    void the_delivery_window_opens_when_the_earliest_post_left_though_it_was_not_the_first_event() {
        List<EventAccepted> accepted = List.of(new EventAccepted("e1", 300 * MS, 900 * MS),
                new EventAccepted("e2", 100 * MS, 950 * MS), new EventAccepted("e3", 200 * MS, 400 * MS));

        assertThat(BroadcastScenario.deliveryRate(50, accepted, OptionalLong.of(600 * MS))).isEqualTo("100.0");
    }

    @Test
    void without_an_accepted_event_or_a_delivery_there_is_no_rate() {
        List<EventAccepted> one = List.of(new EventAccepted("e1", 100 * MS, 200 * MS));

        assertThat(BroadcastScenario.deliveryRate(0, List.of(), OptionalLong.of(600 * MS))).isEqualTo("n/a");
        assertThat(BroadcastScenario.deliveryRate(0, one, OptionalLong.empty())).isEqualTo("n/a");
    }
}
