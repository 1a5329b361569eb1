package io.herald.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.application.fake.FakeHerald;
import io.herald.application.port.Push;
import io.herald.domain.ConnectionId;
import io.herald.domain.PlayerState;
import io.herald.domain.PositionRelay;
import io.herald.domain.Refusal;
import io.herald.domain.TeamMode;
import io.herald.domain.TravelMode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RelayPlayerStateTest {
    private final FakeHerald herald = new FakeHerald();
    private final RelayPlayerState relay = new RelayPlayerState(herald.connections, herald.directory, herald.fanout,
            herald.clock, new PositionRelay(PositionRelay.DEFAULT_INTERVAL));
    private final PlayerState here = new PlayerState(Map.of("lat", 52.37, "lng", 4.89));

    private record Pair(ConnectionId anaPhone, ConnectionId benPhone) {
    }

    private Pair teamTravelling(TravelMode mode) {
        Registration ana = herald.registerTeam.register(new RegisterTeam.Command("Ana", TeamMode.TEAM, mode));
        Registration ben = (Registration) herald.joinTeam.join(new JoinTeam.Command(ana.team().code(), "Ben"));
        return new Pair(herald.connect(ana.team().session(), ana.player().id()),
                herald.connect(ben.team().session(), ben.player().id()));
    }

    @Test
    void positions_of_an_independent_team_reach_the_other_players() {
        Pair team = teamTravelling(TravelMode.INDEPENDENT);

        assertThat(relay.relay(new RelayPlayerState.Command(team.anaPhone(), here))).isEqualTo(new RelayPlayerState.Relayed(1));
        assertThat(herald.gateway.pushesTo(team.benPhone(), Push.PlayerStateUpdate.class)).singleElement()
                .extracting(Push.PlayerStateUpdate::state).isEqualTo(here);
        assertThat(herald.gateway.pushesTo(team.anaPhone())).isEmpty();
    }

    @Test
    void a_second_position_inside_the_interval_is_dropped() {
        Pair team = teamTravelling(TravelMode.INDEPENDENT);
        relay.relay(new RelayPlayerState.Command(team.anaPhone(), here));
        herald.clock.advance(Duration.ofSeconds(2));

        assertThat(relay.relay(new RelayPlayerState.Command(team.anaPhone(), here)))
                .isEqualTo(new RelayPlayerState.Dropped(PositionRelay.Verdict.DROP_THROTTLED));
        assertThat(herald.gateway.pushesTo(team.benPhone())).hasSize(1);
    }

    @Test
    void positions_of_a_co_located_team_are_dropped() {
        Pair team = teamTravelling(TravelMode.CO_LOCATED);

        assertThat(relay.relay(new RelayPlayerState.Command(team.anaPhone(), here)))
                .isEqualTo(new RelayPlayerState.Dropped(PositionRelay.Verdict.DROP_CO_LOCATED));
        assertThat(herald.gateway.totalPushes()).isZero();
    }

    @Test
    void a_connection_that_has_not_joined_cannot_relay() {
        assertThat(relay.relay(new RelayPlayerState.Command(new ConnectionId("ghost"), here)))
                .isEqualTo(new Refused(Refusal.UNKNOWN_CONNECTION));
    }

    @Test
    void players_whose_last_position_no_longer_throttles_them_are_forgotten() {
        for (int i = 0; i < 50; i++) {
            relay.relay(new RelayPlayerState.Command(teamTravelling(TravelMode.INDEPENDENT).anaPhone(), here));
        }
        assertThat(relay.remembered()).isEqualTo(50);
        herald.clock.advance(PositionRelay.DEFAULT_INTERVAL);

        Pair latecomers = teamTravelling(TravelMode.INDEPENDENT);
        relay.relay(new RelayPlayerState.Command(latecomers.anaPhone(), here));

        assertThat(relay.remembered()).isEqualTo(1);
        assertThat(relay.relay(new RelayPlayerState.Command(latecomers.anaPhone(), here)))
                .isEqualTo(new RelayPlayerState.Dropped(PositionRelay.Verdict.DROP_THROTTLED));
    }
}
