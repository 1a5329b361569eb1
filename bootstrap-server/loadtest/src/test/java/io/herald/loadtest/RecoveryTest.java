package io.herald.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RecoveryTest {
    private static final SeenPosition LEFT = new SeenPosition(100, 4);

    private static Recovery recovery(boolean recovered, int replayed, List<Long> offsets) {
        return new Recovery("ana", LEFT, 3, 1_000, Optional.of(new Frame.RoomSubscribed("r", recovered, replayed,
                103, 4)), OptionalLong.of(9_000), offsets, offsets.isEmpty() ? OptionalLong.empty()
                : OptionalLong.of(8_000), Optional.empty());
    }

    @Test
    void exactly_the_missed_offsets_in_order_with_recovered_true_is_a_clean_return() {
        Recovery clean = recovery(true, 3, List.of(101L, 102L, 103L));

        assertThat(clean.problems()).isEmpty();
        assertThat(clean.recovered()).isTrue();
        assertThat(clean.toLastReplayedNanos()).hasValue(7_000);
        assertThat(clean.toSubscribedNanos()).hasValue(8_000);
    }

    @Test
    void recovered_false_or_a_wrong_replayed_count_is_a_problem_each() {
        assertThat(recovery(false, 3, List.of(101L, 102L, 103L)).problems()).singleElement().asString()
                .contains("recovered:false");
        assertThat(recovery(true, 2, List.of(101L, 102L, 103L)).problems()).singleElement().asString()
                .contains("replayed:2, 3 were missed");
    }

    @Test
    void a_replay_with_a_gap_a_repeat_a_swap_or_an_extra_is_a_problem() {
        assertThat(recovery(true, 3, List.of(101L, 103L)).problems()).singleElement().asString()
                .contains("replayed offsets [101, 103] (2), expected [101..103] (3)");
        assertThat(recovery(true, 3, List.of(101L, 102L, 102L, 103L)).problems()).hasSize(1);
        assertThat(recovery(true, 3, List.of(102L, 101L, 103L)).problems()).hasSize(1);
        assertThat(recovery(true, 3, List.of(100L, 101L, 102L, 103L)).problems()).hasSize(1);
    }

    @Test
    void a_return_with_nothing_missed_is_timed_to_its_answer() {
        Recovery nothing = new Recovery("ana", LEFT, 0, 1_000, Optional.of(new Frame.RoomSubscribed("r", true, 0,
                100, 4)), OptionalLong.of(1_500), List.of(), OptionalLong.empty(), Optional.empty());

        assertThat(nothing.problems()).isEmpty();
        assertThat(nothing.toLastReplayedNanos()).hasValue(500);
    }

    @Test
    void a_return_that_failed_is_one_problem_with_its_reason_and_no_timing() {
        Recovery failed = Recovery.failed("ana", LEFT, 3, "could not reconnect: refused");

        assertThat(failed.problems()).containsExactly("ana: could not reconnect: refused");
        assertThat(failed.recovered()).isFalse();
        assertThat(failed.toLastReplayedNanos()).isEmpty();
    }

    @Test
    void long_offset_lists_are_shown_as_runs() {
        List<Long> many = LongStream.rangeClosed(1, 1000).boxed().toList();

        assertThat(Recovery.shown(many)).isEqualTo("[1..1000] (1000)");
        assertThat(Recovery.shown(List.of())).isEqualTo("none");
        assertThat(Recovery.shown(LongStream.iterate(1, n -> n + 2).limit(10).boxed().toList()))
                .isEqualTo("[1, 3, 5, 7, 9, 11, 13, 15] and 2 more runs (10)");
    }
}
