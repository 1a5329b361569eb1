package io.herald.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimeDeltaTest {
    private static final Instant T0 = Instant.parse("2025-12-30T12:34:56.789Z");

    @Test
    void events_derive_the_seed_delta_with_its_fields() {
        NodeComplete event = new NodeComplete(new SessionId("s"), new PlayerId("player-xyz"), new NodeId("tl_object1__audio_intro"), T0);

        assertThat(event.derivedDeltas()).containsExactly(new RuntimeDelta(DeltaType.NODE_COMPLETED,
                Map.of("playerId", "player-xyz", "nodeId", "tl_object1__audio_intro"), T0));
        assertThat(new ObjectArrive(new SessionId("s"), new PlayerId("p"), new ObjectId("object2"), T0).derivedDeltas())
                .extracting(RuntimeDelta::type).containsExactly(DeltaType.OBJECT_ARRIVED);
    }

    @Test
    void a_field_must_be_a_scalar() {
        assertThatThrownBy(() -> new RuntimeDelta(DeltaType.CONSENSUS_UPDATED, Map.of("players", List.of()), T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void type_and_timestamp_are_not_fields() {
        assertThatThrownBy(() -> new RuntimeDelta(DeltaType.NODE_COMPLETED, Map.of("type", "X"), T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void delta_names_are_the_ones_clients_know() {
        assertThat(DeltaType.fromName("CONSENSUS_UPDATED")).contains(DeltaType.CONSENSUS_UPDATED);
        assertThat(DeltaType.fromName("consensus_updated")).isEmpty();
    }
}
