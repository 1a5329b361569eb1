package io.herald.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.application.spi.SessionTokens;
import io.herald.domain.DeltaType;
import io.herald.domain.NodeComplete;
import io.herald.domain.PlayerId;
import io.herald.domain.PuzzleSubmit;
import io.herald.domain.SessionId;
import java.time.Instant;
import java.util.Map;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventRequestsTest {
    private final Instant now = Instant.parse("2026-01-09T10:30:00Z");

    private static final Callers.Caller SERVICE = new Callers.Service();
    private static final Callers.Caller PLAYER_P = new Callers.Player(
            new SessionTokens.Identity(new SessionId("s"), new PlayerId("p")));

    private EventRequests.EventRequest parse(String json) {
        return parse(json, SERVICE);
    }

    private EventRequests.EventRequest parse(String json, Callers.Caller caller) {
        return EventRequests.parse(HttpJson.parseObject(json), now, caller);
    }

    private static String withDeltas(String deltas) {
        return "{\"sessionId\":\"s\",\"playerId\":\"p\",\"eventType\":\"NodeComplete\",\"nodeId\":\"n\",\"deltas\":"
                + deltas + "}";
    }

    private static ThrowingConsumer<ApiException> refused(int status, String code, String field) {
        return e -> {
            assertThat(e.status().getCode()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.field()).contains(field);
        };
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
    void the_runtimes_own_deltas_are_kept_and_speak_for_the_events_player_when_they_name_none() {
        EventRequests.EventRequest request = parse(withDeltas("[{\"type\":\"CONSENSUS_UPDATED\",\"succeeded\":2,\"total\":4}]"));

        assertThat(request.deltas().orElseThrow()).singleElement().satisfies(d -> {
            assertThat(d.type()).isEqualTo(DeltaType.CONSENSUS_UPDATED);
            assertThat(d.fields()).isEqualTo(Map.of("playerId", "p", "succeeded", 2L, "total", 4L));
            assertThat(d.timestamp()).isEqualTo(now);
        });
    }

    @Test
    void a_delta_from_a_player_without_a_player_id_is_that_players() {
        EventRequests.EventRequest request = parse(withDeltas("[{\"type\":\"NODE_COMPLETED\",\"nodeId\":\"n\"}]"), PLAYER_P);

        assertThat(request.deltas().orElseThrow().getFirst().fields()).containsEntry("playerId", "p");
    }

    @Test
    void a_delta_from_a_player_naming_another_player_is_refused_naming_the_delta() {
        assertThatThrownBy(() -> parse(withDeltas("[{\"type\":\"NODE_COMPLETED\",\"playerId\":\"p\"},"
                + "{\"type\":\"NODE_COMPLETED\",\"playerId\":\"q\"}]"), PLAYER_P))
                .isInstanceOfSatisfying(ApiException.class, refused(403, "delta_player_mismatch", "deltas[1].playerId"));
    }

    @Test
    void the_service_key_may_report_deltas_of_any_player() {
        EventRequests.EventRequest request = parse(withDeltas("[{\"type\":\"PLAYER_JOINED\",\"playerId\":\"q\"}]"), SERVICE);

        assertThat(request.deltas().orElseThrow().getFirst().fields()).containsEntry("playerId", "q");
    }

    @Test
    void a_team_event_from_the_service_leaves_a_delta_without_a_player_as_it_is() {
        EventRequests.EventRequest request = parse("{\"sessionId\":\"s\",\"eventType\":\"Milestone\",\"objectId\":\"o\","
                + "\"deltas\":[{\"type\":\"OBJECT_COMPLETED\",\"objectId\":\"o\"}]}");

        assertThat(request.deltas().orElseThrow().getFirst().fields()).isEqualTo(Map.of("objectId", "o"));
    }

    @ParameterizedTest(name = "timestamp {0}")
    @ValueSource(strings = {"\"2020-01-01T00:00:00Z\"", "\"yesterday\"", "42", "null"})
    void a_deltas_time_is_the_servers_whatever_the_client_says(String timestamp) {
        EventRequests.EventRequest request = parse(withDeltas("[{\"type\":\"NODE_COMPLETED\",\"timestamp\":" + timestamp + "}]"));

        assertThat(request.deltas().orElseThrow().getFirst().timestamp()).isEqualTo(now);
        assertThat(request.deltas().orElseThrow().getFirst().fields()).doesNotContainKey("timestamp");
    }

    @Test
    void numbers_at_the_edges_of_long_and_double_arrive_exactly() {
        EventRequests.EventRequest request = parse(withDeltas("[{\"type\":\"CONSENSUS_UPDATED\",\"max\":9223372036854775807,"
                + "\"min\":-9223372036854775808,\"big\":1.7976931348623157E308,\"tiny\":4.9E-324,\"ratio\":0.25}]"));

        assertThat(request.deltas().orElseThrow().getFirst().fields()).containsEntry("max", Long.MAX_VALUE)
                .containsEntry("min", Long.MIN_VALUE).containsEntry("big", Double.MAX_VALUE)
                .containsEntry("tiny", Double.MIN_VALUE).containsEntry("ratio", 0.25);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1e400", "-1E+400", "1e-400", "9223372036854775808", "-9223372036854775809", "18446744073709551617"})
    void a_number_that_would_change_on_the_way_is_refused_naming_its_field(String number) {
        assertThatThrownBy(() -> parse(withDeltas("[{\"type\":\"CONSENSUS_UPDATED\",\"total\":4},"
                + "{\"type\":\"CONSENSUS_UPDATED\",\"total\":" + number + "}]")))
                .isInstanceOfSatisfying(ApiException.class, refused(400, "invalid_number", "deltas[1].total"));
    }

    @Test
    void an_attempt_beyond_a_long_is_refused_as_a_number_not_read_as_a_small_one() {
        assertThatThrownBy(() -> parse("{\"sessionId\":\"s\",\"playerId\":\"p\",\"eventType\":\"PuzzleSubmit\","
                + "\"puzzleId\":\"q\",\"attempt\":18446744073709551617}"))
                .isInstanceOfSatisfying(ApiException.class, refused(400, "invalid_number", "attempt"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"sessionId\":\"s\",\"playerId\":\"p\",\"eventType\":\"NodeComplete\",\"nodeId\":\"a#b\"}|nodeId",
        "{\"sessionId\":\"s\",\"playerId\":\"p\",\"eventType\":\"ObjectArrive\",\"objectId\":\"\"}|objectId",
        "{\"sessionId\":\"s\",\"playerId\":\"p\",\"eventType\":\"PuzzleSubmit\",\"puzzleId\":\"a#b\"}|puzzleId",
        "{\"sessionId\":\"s\",\"eventType\":\"Milestone\",\"objectId\":\"\\u0000\"}|objectId",
        "{\"sessionId\":\"s\",\"playerId\":\"p q\",\"eventType\":\"NodeComplete\",\"nodeId\":\"n\"}|playerId",
        "{\"sessionId\":\"s\",\"playerId\":\"p\",\"eventType\":\"NodeComplete\",\"nodeId\":7}|nodeId"})
    void an_invalid_reference_is_reported_under_its_own_name(String json, String field) {
        assertThatThrownBy(() -> parse(json)).isInstanceOfSatisfying(ApiException.class, refused(400, "invalid_field", field));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "[{\"type\":\"NODE_COMPLETED\",\"playerId\":7}]|deltas[0].playerId",
        "[{\"type\":\"NODE_COMPLETED\",\"playerId\":\"a#b\"}]|deltas[0].playerId",
        "[{\"type\":\"NODE_COMPLETED\"},{\"type\":\"NOPE\"}]|deltas[1].type",
        "[{\"type\":\"NODE_COMPLETED\"},7]|deltas[1]",
        "[{\"nodeId\":\"n\"}]|deltas[0].type",
        "[{\"type\":\"NODE_COMPLETED\",\"path\":{\"x\":1}}]|deltas[0].path",
        "{\"type\":\"NODE_COMPLETED\"}|deltas"})
    void a_bad_delta_is_reported_under_its_index_and_field(String deltas, String field) {
        assertThatThrownBy(() -> parse(withDeltas(deltas))).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.field()).contains(field));
    }

    @Test
    void a_delta_whose_player_id_makes_it_too_large_is_a_400_not_a_crash() {
        StringBuilder fields = new StringBuilder("{\"type\":\"NODE_COMPLETED\"");
        for (int i = 0; i < 32; i++) {
            fields.append(",\"f").append(i).append("\":").append(i);
        }
        assertThatThrownBy(() -> parse(withDeltas("[" + fields + "}]"), PLAYER_P))
                .isInstanceOfSatisfying(ApiException.class, refused(400, "invalid_field", "deltas[0]"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "[]|invalid_json",
        "{\"sessionId\":\"s\",\"sessionId\":\"t\",\"eventType\":\"PeriodicCheck\"}|invalid_json",
        "{\"sessionId\":\"s\",\"eventType\":\"PeriodicCheck\"} {}|invalid_json",
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
