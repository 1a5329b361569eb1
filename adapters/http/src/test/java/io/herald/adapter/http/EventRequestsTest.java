package io.herald.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.domain.DeltaType;
import io.herald.domain.NodeComplete;
import io.herald.domain.PuzzleSubmit;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventRequestsTest {
    private final Instant now = Instant.parse("2026-01-09T10:30:00Z");

    private EventRequests.EventRequest parse(String json) {
        return EventRequests.parse(HttpJson.parseObject(json), now);
    }

    @Test
    void a_node_completion_becomes_the_event_with_the_seed_id() {
        EventRequests.EventRequest request = parse(
                "{\"sessionId\":\"session-123\",\"playerId\":\"player-456\",\"eventType\":\"NodeComplete\",\"nodeId\":\"node-3\"}");

        assertThat(request.event()).isInstanceOf(NodeComplete.class);
        assertThat(request.event().id().value()).isEqualTo("NodeComplete-90ba05788651bae2");
        assertThat(request.deltas()).isEmpty();
    }

    @Test
    void a_puzzle_submission_carries_correctness_and_attempt() {
        PuzzleSubmit submit = (PuzzleSubmit) parse("{\"sessionId\":\"s\",\"playerId\":\"p\",\"eventType\":\"PuzzleSubmit\","
                + "\"puzzleId\":\"riddle\",\"correct\":true,\"attempt\":2}").event();

        assertThat(submit.correct()).isTrue();
        assertThat(submit.attempt()).isEqualTo(2);
    }

    @Test
    void the_runtimes_own_deltas_are_kept() {
        EventRequests.EventRequest request = parse("{\"sessionId\":\"s\",\"playerId\":\"p\",\"eventType\":\"NodeComplete\","
                + "\"nodeId\":\"n\",\"deltas\":[{\"type\":\"CONSENSUS_UPDATED\",\"succeeded\":2,\"total\":4}]}");

        assertThat(request.deltas().orElseThrow()).singleElement().satisfies(d -> {
            assertThat(d.type()).isEqualTo(DeltaType.CONSENSUS_UPDATED);
            assertThat(d.fields()).containsEntry("succeeded", 2L).containsEntry("total", 4L);
            assertThat(d.timestamp()).isEqualTo(now);
        });
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "[]|invalid_json",
        "{\"playerId\":\"p\",\"eventType\":\"NodeComplete\",\"nodeId\":\"n\"}|missing_field",
        "{\"sessionId\":\"s\",\"playerId\":\"p\",\"eventType\":\"Teleport\"}|invalid_field",
        "{\"sessionId\":\"s\",\"playerId\":\"p\",\"eventType\":\"NodeComplete\"}|missing_field",
        "{\"sessionId\":\"s\",\"eventType\":\"NodeComplete\",\"nodeId\":\"n\"}|missing_field",
        "{\"sessionId\":\"s#x\",\"playerId\":\"p\",\"eventType\":\"NodeComplete\",\"nodeId\":\"n\"}|invalid_field",
        "{\"sessionId\":\"s\",\"playerId\":\"p\",\"eventType\":\"PuzzleSubmit\",\"puzzleId\":\"q\",\"attempt\":0}|invalid_field",
        "{\"sessionId\":\"s\",\"playerId\":\"p\",\"eventType\":\"PuzzleSubmit\",\"puzzleId\":\"q\",\"correct\":\"yes\"}|invalid_field",
        "{\"sessionId\":\"s\",\"playerId\":\"p\",\"eventType\":\"NodeComplete\",\"nodeId\":\"n\",\"deltas\":[{\"type\":\"NOPE\"}]}|invalid_field",
        "{\"sessionId\":\"s\",\"playerId\":\"p\",\"eventType\":\"NodeComplete\",\"nodeId\":\"n\",\"deltas\":[{\"type\":\"NODE_COMPLETED\",\"x\":[1]}]}|invalid_field"})
    void bad_input_is_a_400_with_a_stable_code(String json, String code) {
        assertThatThrownBy(() -> parse(json)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.status().getCode()).isEqualTo(400);
        });
    }
}
