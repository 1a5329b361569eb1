package io.herald.application.contract;

import io.herald.application.LocalVoiceSessions;
import io.herald.application.fake.InMemoryChatStore;
import io.herald.application.fake.InMemoryConnectionLog;
import io.herald.application.fake.InMemoryConnectionRegistry;
import io.herald.application.fake.InMemoryCooldownGuard;
import io.herald.application.fake.InMemoryMessageStore;
import io.herald.application.fake.InMemoryNotificationStore;
import io.herald.application.fake.InMemoryPendingEvents;
import io.herald.application.fake.InMemoryRoomStore;
import io.herald.application.fake.InMemorySessionDirectory;
import io.herald.application.port.ChatStore;
import io.herald.application.port.ConnectionLog;
import io.herald.application.port.ConnectionRegistry;
import io.herald.application.port.CooldownGuard;
import io.herald.application.port.MessageStore;
import io.herald.application.port.NotificationStore;
import io.herald.application.spi.PendingEvents;
import io.herald.application.port.Presence;
import io.herald.application.port.RoomStore;
import io.herald.application.port.SessionDirectory;
import io.herald.application.port.VoiceSessions;
import org.junit.jupiter.api.Nested;

/** The fakes keep the same contracts as the real adapters, so use-case tests on them mean something. */
class InMemoryPortsContractTest {

    @Nested
    class MessageStoreFake extends MessageStoreContract {
        private final InMemoryMessageStore store = new InMemoryMessageStore(LEASE, new InMemoryCooldownGuard());

        @Override
        protected MessageStore store() {
            return store;
        }

        @Override
        protected void interruptNextSave() {
            store.interruptNextSave();
        }
    }

    @Nested
    class SettlementFake extends SettlementContract {
        private final InMemoryCooldownGuard guard = new InMemoryCooldownGuard();
        private final InMemoryMessageStore store = new InMemoryMessageStore(MessageStoreContract.LEASE, guard);

        @Override
        protected MessageStore store() {
            return store;
        }

        @Override
        protected CooldownGuard guard() {
            return guard;
        }
    }

    @Nested
    class PresenceFake extends PresenceContract {
        private final InMemoryConnectionRegistry registry = new InMemoryConnectionRegistry();

        @Override
        protected ConnectionRegistry registry() {
            return registry;
        }

        @Override
        protected Presence presence() {
            return registry;
        }
    }

    @Nested
    class PendingEventsFake extends PendingEventsContract {
        private final InMemoryPendingEvents pending = new InMemoryPendingEvents();

        @Override
        protected PendingEvents pending() {
            return pending;
        }
    }

    @Nested
    class CooldownGuardFake extends CooldownGuardContract {
        private final InMemoryCooldownGuard guard = new InMemoryCooldownGuard();

        @Override
        protected CooldownGuard guard() {
            return guard;
        }
    }

    @Nested
    class ConnectionRegistryFake extends ConnectionRegistryContract {
        private final InMemoryConnectionRegistry registry = new InMemoryConnectionRegistry();

        @Override
        protected ConnectionRegistry registry() {
            return registry;
        }
    }

    @Nested
    class SessionDirectoryFake extends SessionDirectoryContract {
        private final InMemorySessionDirectory directory = new InMemorySessionDirectory();

        @Override
        protected SessionDirectory directory() {
            return directory;
        }
    }

    @Nested
    class RoomStoreFake extends RoomStoreContract {
        private final InMemoryRoomStore store = new InMemoryRoomStore();

        @Override
        protected RoomStore store() {
            return store;
        }
    }

    @Nested
    class NotificationStoreFake extends NotificationStoreContract {
        private final InMemoryNotificationStore store = new InMemoryNotificationStore();

        @Override
        protected NotificationStore store() {
            return store;
        }
    }

    @Nested
    class ConnectionLogFake extends ConnectionLogContract {
        private final InMemoryConnectionLog log = new InMemoryConnectionLog();

        @Override
        protected ConnectionLog log() {
            return log;
        }
    }

    @Nested
    class LocalVoiceSessionsKeepTheContract extends VoiceSessionsContract {
        private final LocalVoiceSessions sessions = new LocalVoiceSessions();

        @Override
        protected VoiceSessions sessions() {
            return sessions;
        }
    }

    @Nested
    class ChatStoreFake extends ChatStoreContract {
        private final InMemoryChatStore store = new InMemoryChatStore();

        @Override
        protected ChatStore store() {
            return store;
        }
    }
}
