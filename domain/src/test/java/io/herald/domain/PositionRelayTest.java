package io.herald.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PositionRelayTest {
    private static final Instant T0 = Instant.parse("2026-01-09T10:30:00Z");
    private final PositionRelay relay = new PositionRelay(PositionRelay.DEFAULT_INTERVAL);

    @Test
    void a_co_located_team_never_relays_positions() {
        assertThat(relay.decide(TravelMode.CO_LOCATED, Optional.empty(), T0)).isEqualTo(PositionRelay.Verdict.DROP_CO_LOCATED);
    }

    @Test
    void an_independent_team_relays_at_most_once_per_interval() {
        assertThat(relay.decide(TravelMode.INDEPENDENT, Optional.empty(), T0)).isEqualTo(PositionRelay.Verdict.RELAY);
        assertThat(relay.decide(TravelMode.INDEPENDENT, Optional.of(T0), T0.plusSeconds(4)))
                .isEqualTo(PositionRelay.Verdict.DROP_THROTTLED);
        assertThat(relay.decide(TravelMode.INDEPENDENT, Optional.of(T0), T0.plusSeconds(5)))
                .isEqualTo(PositionRelay.Verdict.RELAY);
    }

    @Test
    void a_player_state_holds_only_flat_scalars() {
        assertThat(new PlayerState(Map.of("lat", 52.1, "lng", 4.3, "moving", true)).fields()).hasSize(3);
        assertThatThrownBy(() -> new PlayerState(Map.of("path", java.util.List.of(1, 2))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
