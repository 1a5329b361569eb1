package io.herald.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatenciesTest {
    @Test
    void percentiles_of_one_to_a_hundred_are_the_nearest_ranks() {
        long[] oneToHundred = LongStream.rangeClosed(1, 100).toArray();

        LatencySummary summary = Latencies.summarize(oneToHundred);

        assertThat(summary).isEqualTo(new LatencySummary(100, 50, 95, 99, 100));
    }

    @Test
    void input_order_does_not_matter_and_the_input_is_left_untouched() {
        long[] shuffled = {40, 10, 30, 20};

        LatencySummary summary = Latencies.summarize(shuffled);

        assertThat(summary).isEqualTo(new LatencySummary(4, 20, 40, 40, 40));
        assertThat(shuffled).containsExactly(40, 10, 30, 20);
    }

    @Test
    void a_single_sample_is_every_percentile() {
        assertThat(Latencies.summarize(List.of(7L))).isEqualTo(new LatencySummary(1, 7, 7, 7, 7));
    }

    @Test
    void the_p99_of_ten_samples_is_the_largest_but_the_p50_is_the_fifth() {
        long[] tens = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};

        LatencySummary summary = Latencies.summarize(tens);

        assertThat(summary.p50()).isEqualTo(50);
        assertThat(summary.p95()).isEqualTo(100);
        assertThat(summary.p99()).isEqualTo(100);
    }

    @Test
    void negative_latencies_are_kept_because_a_push_can_beat_the_http_answer() {
        assertThat(Latencies.summarize(new long[] {-5, 3, 1}).p50()).isEqualTo(1);
    }

    @Test
    void nothing_measured_gives_an_empty_summary_printed_as_not_available() {
        LatencySummary empty = Latencies.summarize(List.of());

        assertThat(empty.count()).isZero();
        assertThat(LatencySummary.millis(empty, empty.p99())).isEqualTo("n/a");
    }

    @Test
    void milliseconds_are_printed_with_one_decimal() {
        LatencySummary summary = Latencies.summarize(new long[] {12_345_678});

        assertThat(LatencySummary.millis(summary, summary.max())).isEqualTo("12.3");
    }
}
