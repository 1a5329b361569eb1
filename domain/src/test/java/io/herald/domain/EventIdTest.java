package io.herald.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventIdTest {
    private static final Instant T0 = Instant.parse("2026-01-09T10:30:00Z");
    private static final SessionId SESSION = new SessionId("session-123");
    private static final PlayerId PLAYER = new PlayerId("player-456");

    @Test
    void matches_the_seed_function_for_its_documented_example() {
        EventId id = new NodeComplete(SESSION, PLAYER, new NodeId("node-3"), T0).id();

        assertThat(id.value()).isEqualTo("NodeComplete-90ba05788651bae2");
    }

    @Test
    void skips_empty_components_exactly_as_the_seed_does() {
        EventId withEmpties = EventId.deterministic("NodeComplete",
                Arrays.asList("session-123", "NodeComplete", "player-456", "node-3", "", null, ""));

        assertThat(withEmpties.value()).isEqualTo("NodeComplete-90ba05788651bae2");
    }

    @Test
    void a_retry_of_the_same_event_gets_the_same_id_whenever_it_arrives() {
        NodeComplete first = new NodeComplete(SESSION, PLAYER, new NodeId("node-3"), T0);
        NodeComplete retry = new NodeComplete(SESSION, PLAYER, new NodeId("node-3"), T0.plusSeconds(42));

        assertThat(retry.id()).isEqualTo(first.id());
    }

    @Test
    void the_first_puzzle_attempt_keeps_the_seed_id_and_a_second_attempt_gets_its_own() {
        PuzzleSubmit first = new PuzzleSubmit(SESSION, PLAYER, new PuzzleId("puzzle-1"), false, 1, T0);
        PuzzleSubmit second = new PuzzleSubmit(SESSION, PLAYER, new PuzzleId("puzzle-1"), true, 2, T0);

        assertThat(first.id()).isEqualTo(EventId.deterministic("PuzzleSubmit",
                List.of("session-123", "PuzzleSubmit", "player-456", "puzzle-1")));
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.id().value()).startsWith("PuzzleSubmit-");
    }

    @Test
    void different_real_events_do_not_collide() {
        assertThat(List.of(
                new NodeComplete(SESSION, PLAYER, new NodeId("node-3"), T0).id(),
                new NodeComplete(SESSION, PLAYER, new NodeId("node-4"), T0).id(),
                new NodeComplete(SESSION, new PlayerId("player-789"), new NodeId("node-3"), T0).id(),
                new ObjectArrive(SESSION, PLAYER, new ObjectId("node-3"), T0).id(),
                new NodeComplete(new SessionId("session-999"), PLAYER, new NodeId("node-3"), T0).id()))
                .doesNotHaveDuplicates();
    }

    @Test
    void a_milestone_id_has_no_player_component_so_every_copy_shares_it() {
        Milestone milestone = new Milestone(SESSION, new ObjectId("statue"), T0);

        assertThat(milestone.id()).isEqualTo(EventId.deterministic("Milestone",
                List.of("session-123", "Milestone", "statue")));
    }

    @Test
    void an_event_id_cannot_carry_a_key_separator() {
        assertThatThrownBy(() -> new EventId("NodeComplete-ab#cd")).isInstanceOf(InvalidIdException.class);
    }
}
