package io.herald.adapter.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.domain.EventType;
import io.herald.domain.GameEvent;
import io.herald.domain.PlayerId;
import io.herald.domain.PuzzleSubmit;
import io.herald.domain.SessionId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GameEventsTest {
    private final Instant at = Instant.parse("2026-01-09T10:30:00Z");
    private final SessionId session = new SessionId("session-123");

    /** Fields from a map, noting which were asked for, in order. */
    private static final class MapFields implements GameEvents.Fields {
        private final Map<String, Object> values;
        final List<String> asked = new ArrayList<>();

        MapFields(Map<String, Object> values) {
            this.values = values;
        }

        @Override
        public PlayerId actor() {
            return new PlayerId(text("playerId"));
        }

        @Override
        public String text(String field) {
            asked.add(field);
            Object value = values.get(field);
            if (value == null) {
                throw new IllegalArgumentException("no " + field);
            }
            return (String) value;
        }

        @Override
        public boolean bool(String field) {
            asked.add(field);
            return (Boolean) values.get(field);
        }

        @Override
        public int attempt(String field) {
            asked.add(field);
            return (Integer) values.get(field);
        }
    }

    @Test
    void a_node_completion_has_the_seed_id_whoever_read_its_fields() {
        GameEvent event = GameEvents.of(EventType.NODE_COMPLETE, new SessionId("session-123"), at,
                new MapFields(Map.of("playerId", "player-456", "nodeId", "node-3")));

        assertThat(event.id().value()).isEqualTo("NodeComplete-90ba05788651bae2");
    }

    @Test
    void each_kind_asks_for_exactly_its_fields() {
        MapFields puzzle = new MapFields(Map.of("playerId", "p", "puzzleId", "riddle", "correct", true, "attempt", 2));
        MapFields milestone = new MapFields(Map.of("objectId", "o"));
        MapFields check = new MapFields(Map.of());

        PuzzleSubmit submit = (PuzzleSubmit) GameEvents.of(EventType.PUZZLE_SUBMIT, session, at, puzzle);
        GameEvents.of(EventType.MILESTONE, session, at, milestone);
        GameEvents.of(EventType.PERIODIC_CHECK, session, at, check);

        assertThat(submit.correct()).isTrue();
        assertThat(submit.attempt()).isEqualTo(2);
        assertThat(puzzle.asked).containsExactly("playerId", "correct", "attempt", "puzzleId");
        assertThat(milestone.asked).containsExactly("objectId");
        assertThat(check.asked).isEmpty();
    }

    @Test
    void a_missing_field_is_the_readers_refusal() {
        assertThatThrownBy(() -> GameEvents.of(EventType.OBJECT_ARRIVE, session, at, new MapFields(Map.of("playerId", "p"))))
                .hasMessage("no objectId");
    }
}
