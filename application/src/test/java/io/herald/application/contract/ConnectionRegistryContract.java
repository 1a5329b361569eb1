package io.herald.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.application.port.ConnectionRegistry;
import io.herald.domain.Connection;
import io.herald.domain.ConnectionId;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link ConnectionRegistry} must do. */
public abstract class ConnectionRegistryContract {
    private static final Instant T0 = ContractTime.base();
    private final SessionId session = new SessionId("s-" + UUID.randomUUID());
    private final PlayerId ana = new PlayerId("ana");
    private final PlayerId ben = new PlayerId("ben");

    protected abstract ConnectionRegistry registry();

    private Connection joined(String id, SessionId in, PlayerId player) {
        Connection connection = Connection.opened(new ConnectionId(id + "-" + UUID.randomUUID()), in, player, T0).join();
        registry().save(connection);
        return connection;
    }

    @Test
    void an_opened_connection_is_found_by_id_but_receives_nothing_before_it_joins() {
        Connection opened = Connection.opened(new ConnectionId("c-" + UUID.randomUUID()), session, ana, T0);
        registry().save(opened);

        assertThat(registry().find(opened.id())).contains(opened);
        assertThat(registry().ofSession(session)).isEmpty();
        assertThat(registry().ofPlayer(session, ana)).isEmpty();
    }

    @Test
    void joined_devices_are_found_by_player_and_by_session() {
        Connection anaPhone = joined("ana-phone", session, ana);
        Connection anaTablet = joined("ana-tablet", session, ana);
        Connection benPhone = joined("ben-phone", session, ben);
        joined("elsewhere", new SessionId("other-" + UUID.randomUUID()), ana);

        assertThat(registry().ofPlayer(session, ana)).containsExactlyInAnyOrder(anaPhone, anaTablet);
        assertThat(registry().ofSession(session)).containsExactlyInAnyOrder(anaPhone, anaTablet, benPhone);
        assertThat(registry().find(benPhone.id())).contains(benPhone);
    }

    @Test
    void removal_by_id_alone_forgets_the_connection_everywhere() {
        Connection anaPhone = joined("ana-phone", session, ana);
        Connection anaTablet = joined("ana-tablet", session, ana);

        assertThat(registry().remove(anaPhone.id())).contains(anaPhone);

        assertThat(registry().find(anaPhone.id())).isEmpty();
        assertThat(registry().ofPlayer(session, ana)).containsExactly(anaTablet);
        assertThat(registry().ofSession(session)).containsExactly(anaTablet);
    }

    @Test
    void removing_an_unknown_or_already_removed_connection_is_harmless() {
        Connection anaPhone = joined("ana-phone", session, ana);
        registry().remove(anaPhone.id());

        assertThat(registry().remove(anaPhone.id())).isEmpty();
        assertThat(registry().remove(new ConnectionId("never-" + UUID.randomUUID()))).isEmpty();
    }
}
