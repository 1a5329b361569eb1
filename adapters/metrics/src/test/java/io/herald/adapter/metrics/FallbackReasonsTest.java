package io.herald.adapter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reasons the OpenAI adapter writes, each sorted into the one category an operator acts on. */
class FallbackReasonsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "circuit open|circuit_open",
            "server error (503); circuit opened after 3 attempts|circuit_open",
            "insufficient quota (429)|quota",
            "rate limited (429); retry-after 20000 ms is beyond the budget after 1 attempt|rate_limited",
            "timeout; budget spent after 2 attempts|timeout",
            "server error (502); budget spent after 3 attempts|timeout",
            "server error (500)|unavailable",
            "connection failed (ConnectException)|unavailable",
            "refused by the endpoint (401)|rejected",
            "model refused|declined",
            "no choices in the response|declined",
            "empty output|invalid_output",
            "output longer than 1000 characters|invalid_output",
            "output repeats the system prompt|invalid_output",
            "output cut at the token limit|invalid_output",
            "periodic checks are not composed|not_composed",
            "malformed response|error"})
    void each_reason_has_its_category(String reason, String category) {
        assertThat(FallbackReasons.category(reason)).isEqualTo(category);
    }
}
