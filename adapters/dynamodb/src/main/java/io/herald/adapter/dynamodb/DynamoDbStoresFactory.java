package io.herald.adapter.dynamodb;

import io.herald.application.port.ChatStore;
import io.herald.application.port.Clock;
import io.herald.application.spi.CompositionRecorder;
import io.herald.application.port.ConnectionGateway;
import io.herald.application.port.ConnectionLog;
import io.herald.application.port.ConversationStore;
import io.herald.application.port.CooldownGuard;
import io.herald.application.port.MessageStore;
import io.herald.application.port.NotificationStore;
import io.herald.application.spi.PendingEvents;
import io.herald.application.port.RoomStore;
import io.herald.application.port.RoomSubscriptions;
import io.herald.application.port.SessionDirectory;
import io.herald.application.port.VoiceSessions;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Secondary;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Makes the store ports out of the SDK client that micronaut-aws-sdk-v2 configures from {@code aws.*}. */
@Factory
public class DynamoDbStoresFactory {
    /** Names the store's own beans that another adapter may wrap. */
    public static final String STORE = "store";

    /** Counts what the stores ask of DynamoDB; every table call goes through it. */
    @Singleton
    StoreRoundTrips storeRoundTrips() {
        return new StoreRoundTrips();
    }

    @Singleton
    @Bean(preDestroy = "close")
    DynamoDbTable table(DynamoDbClient client, DynamoDbSettings settings, StoreRoundTrips roundTrips) {
        if (settings.createTable()) {
            TableCreator.ensure(client, settings.tableName());
        }
        return new DynamoDbTable(client, settings.tableName(), settings.writeDeadline(), roundTrips,
                settings.confirmTransactions());
    }

    @Singleton
    MessageStore messageStore(DynamoDbTable table, DynamoDbSettings settings) {
        return new DynamoDbMessageStore(table, settings.claimLease(), settings.combineWrites());
    }

    /**
     * Connections and presence in the table, for the Lambda shape, where API Gateway holds the sockets. A server
     * holds its own sockets and brings its own registry, which then wins over this one.
     */
    @Singleton
    @Secondary
    DynamoDbConnectionRegistry connectionRegistry(DynamoDbTable table) {
        return new DynamoDbConnectionRegistry(table);
    }

    @Singleton
    SessionDirectory sessionDirectory(DynamoDbTable table) {
        return new DynamoDbSessionDirectory(table);
    }

    @Singleton
    CompositionRecorder compositionRecorder(DynamoDbTable table) {
        return new DynamoDbCompositionRecorder(table);
    }

    /** Used by a server node's durable intake; the Lambda shape has EventBridge for that. */
    @Singleton
    PendingEvents pendingEvents(DynamoDbTable table, DynamoDbSettings settings) {
        return new DynamoDbPendingEvents(table, settings.combineWrites());
    }

    @Singleton
    CooldownGuard cooldownGuard(DynamoDbTable table) {
        return new DynamoDbCooldownGuard(table);
    }

    /** Rooms and their history; messages are kept for {@code herald.rooms.retention} (30 days by default). */
    @Singleton
    RoomStore roomStore(DynamoDbTable table, Clock clock,
            @Value("${herald.rooms.retention:30d}") Duration retention) {
        return new DynamoDbRoomStore(table, clock, retention);
    }

    /** Notifications, kept for {@code herald.notifications.retention} (30 days by default). */
    @Singleton
    NotificationStore notificationStore(DynamoDbTable table, Clock clock,
            @Value("${herald.notifications.retention:30d}") Duration retention) {
        return new DynamoDbNotificationStore(table, clock, retention);
    }

    /**
     * The connection manager's records. Named, so a server can put a writer in front of it that keeps those writes
     * off its sockets' way; Lambda uses it as it is.
     */
    @Singleton
    @Named(STORE)
    ConnectionLog connectionLog(DynamoDbTable table) {
        return new DynamoDbConnectionLog(table);
    }

    /** Players' chats with characters, kept for {@code herald.chat.retention} (90 days by default). */
    @Singleton
    ChatStore chatStore(DynamoDbTable table, @Value("${herald.chat.retention:90d}") Duration retention) {
        return new DynamoDbChatStore(table, retention);
    }

    /** Conversations between characters, kept as long as chats. */
    @Singleton
    ConversationStore conversationStore(DynamoDbTable table,
            @Value("${herald.chat.retention:90d}") Duration retention) {
        return new DynamoDbConversationStore(table, retention);
    }

    /** Voice sessions in the table, for the Lambda shape; a server keeps its own in memory, which wins. */
    @Singleton
    @Secondary
    VoiceSessions voiceSessions(DynamoDbTable table) {
        return new DynamoDbVoiceSessions(table);
    }

    /** Room subscriptions in the table, for the Lambda shape; a server keeps its own in memory, which wins. */
    @Singleton
    @Secondary
    @Requires(beans = ConnectionGateway.class)
    RoomSubscriptions roomSubscriptions(DynamoDbTable table, ConnectionGateway gateway, Clock clock) {
        return new DynamoDbRoomSubscriptions(table, gateway, clock);
    }
}
