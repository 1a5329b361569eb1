package io.herald.adapter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.application.port.Reach;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a Lambda writes to its log at the end of an invocation, read back as CloudWatch would read it. */
class EmbeddedMetricsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final EmbeddedMetrics metrics = new EmbeddedMetrics("Herald", () -> 1_767_000_000_000L);

    private List<JsonNode> flushed() {
        List<String> lines = new ArrayList<>();
        metrics.flush(lines::add);
        return lines.stream().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (Exception e) {
                throw new AssertionError(line, e);
            }
        }).toList();
    }

    private static JsonNode named(List<JsonNode> documents, String metric, String dimension, String value) {
        return documents.stream()
                .filter(d -> d.at("/_aws/CloudWatchMetrics/0/Metrics/0/Name").asText().equals(metric))
                .filter(d -> dimension == null || d.path(dimension).asText().equals(value))
                .findFirst().orElseThrow(() -> new AssertionError("no " + metric + " in " + documents));
    }

    @Test
    void counts_of_one_invocation_are_summed_per_dimension_values_with_the_directive_cloudwatch_reads() {
        metrics.pushed("ai_message", new Reach(2, 1, 0), Duration.ofMillis(3));
        metrics.pushed("ai_message", new Reach(1, 0, 0), Duration.ofMillis(5));

        List<JsonNode> documents = flushed();

        JsonNode sent = named(documents, "herald.push", "result", "sent");
        assertThat(sent.get("herald.push").asDouble()).isEqualTo(3);
        assertThat(sent.get("kind").asText()).isEqualTo("ai_message");
        assertThat(sent.at("/_aws/Timestamp").asLong()).isEqualTo(1_767_000_000_000L);
        assertThat(sent.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("Herald");
        assertThat(sent.at("/_aws/CloudWatchMetrics/0/Dimensions/0").toString()).isEqualTo("[\"kind\",\"result\"]");
        assertThat(sent.at("/_aws/CloudWatchMetrics/0/Metrics/0/Unit").asText()).isEqualTo("Count");
        assertThat(named(documents, "herald.push", "result", "gone").get("herald.push").asDouble()).isEqualTo(1);
        assertThat(documents).noneMatch(d -> "failed".equals(d.path("result").asText()));
        assertThat(named(documents, "herald.push.duration", null, null).get("herald.push.duration").toString())
                .isEqualTo("[3.0,5.0]");
    }

    @Test
    void a_flush_forgets_what_it_wrote_so_each_invocation_reports_only_its_own() {
        metrics.orchestrated("cooling_down", false);
        assertThat(flushed()).hasSize(2);

        assertThat(flushed()).isEmpty();
    }

    @Test
    void timings_are_in_milliseconds_and_a_model_call_is_tagged_by_reason_category() {
        metrics.modelCall("message", "timeout; budget spent after 2 attempts", 10, 0, Duration.ofMillis(1500));

        List<JsonNode> documents = flushed();

        JsonNode calls = named(documents, "herald.llm.calls", "reason", "timeout");
        assertThat(calls.get("result").asText()).isEqualTo("fallback");
        JsonNode latency = named(documents, "herald.llm.latency", "purpose", "message");
        assertThat(latency.at("/_aws/CloudWatchMetrics/0/Metrics/0/Unit").asText()).isEqualTo("Milliseconds");
        assertThat(latency.get("herald.llm.latency").get(0).asDouble()).isEqualTo(1500.0);
        assertThat(documents).noneMatch(d -> d.path("kind").asText().equals("completion"));
    }
}
