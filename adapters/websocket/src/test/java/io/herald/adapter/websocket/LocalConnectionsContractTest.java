package io.herald.adapter.websocket;

import io.herald.application.contract.ConnectionRegistryContract;
import io.herald.application.contract.PresenceContract;
import io.herald.application.port.ConnectionRegistry;
import io.herald.application.port.Presence;
import org.junit.jupiter.api.Nested;

/** A node's own devices keep the registry and presence contracts the store-backed registry keeps. */
class LocalConnectionsContractTest {

    @Nested
    class AsRegistry extends ConnectionRegistryContract {
        private final LocalConnections local = new LocalConnections(push -> "{}");

        @Override
        protected ConnectionRegistry registry() {
            return local;
        }
    }

    @Nested
    class AsPresence extends PresenceContract {
        private final LocalConnections local = new LocalConnections(push -> "{}");

        @Override
        protected ConnectionRegistry registry() {
            return local;
        }

        @Override
        protected Presence presence() {
            return local;
        }
    }
}
