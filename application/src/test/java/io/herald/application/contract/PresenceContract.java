package io.herald.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.application.port.ConnectionRegistry;
import io.herald.application.port.Presence;
import io.herald.domain.Connection;
import io.herald.domain.ConnectionId;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link Presence} must say about the connections its registry holds. */
public abstract class PresenceContract {
    private static final Instant T0 = ContractTime.base();
    private final SessionId session = new SessionId("s-" + UUID.randomUUID());
    private final PlayerId ana = new PlayerId("ana");
    private final PlayerId ben = new PlayerId("ben");

    /** Where connections are recorded. */
    protected abstract ConnectionRegistry registry();

    /** What is asked about them. */
    protected abstract Presence presence();

    private Connection opened(PlayerId player) {
        Connection connection = Connection.opened(new ConnectionId("c-" + UUID.randomUUID()), session, player, T0);
        registry().save(connection);
        return connection;
    }

    private Connection joined(PlayerId player) {
        Connection connection = opened(player).join();
        registry().save(connection);
        return connection;
    }

    @Test
    void joined_devices_are_counted_per_player_and_players_without_any_are_absent() {
        joined(ana);
        joined(ana);
        joined(ben);
        opened(new PlayerId("cal"));

        assertThat(presence().devicesOnline(session)).isEqualTo(Map.of(ana, 2, ben, 1));
    }

    @Test
    void a_removed_device_is_no_longer_counted() {
        Connection anaPhone = joined(ana);
        joined(ben);

        registry().remove(anaPhone.id());

        assertThat(presence().devicesOnline(session)).isEqualTo(Map.of(ben, 1));
        assertThat(presence().devicesOnline(new SessionId("nobody-" + UUID.randomUUID()))).isEmpty();
    }
}
