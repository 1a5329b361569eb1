package io.herald.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResultLineTest {
    @Test
    void the_result_is_one_line_of_key_value_pairs_in_insertion_order() {
        String line = new ResultLine("seed").put("lost", 0).put("note", "two words").toString();

        assertThat(line).isEqualTo("RESULT scenario=seed lost=0 note=two_words");
    }

    @Test
    void a_latency_summary_expands_to_four_millisecond_fields() {
        String line = new ResultLine("x").put("ai", new LatencySummary(3, 1_000_000, 2_000_000, 3_000_000,
                4_500_000)).toString();

        assertThat(line).isEqualTo("RESULT scenario=x ai_p50_ms=1.0 ai_p95_ms=2.0 ai_p99_ms=3.0 ai_max_ms=4.5");
    }

    @Test
    void a_rate_is_per_second_and_not_available_over_an_empty_span() {
        assertThat(ResultLine.rate(100, 500_000_000)).isEqualTo("200.0");
        assertThat(ResultLine.rate(100, 0)).isEqualTo("n/a");
    }
}
