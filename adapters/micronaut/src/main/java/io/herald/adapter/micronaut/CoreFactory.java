package io.herald.adapter.micronaut;

import io.herald.application.AcknowledgeMessage;
import io.herald.application.CharacterConversation;
import io.herald.application.ChatWithCharacter;
import io.herald.application.CloseConnection;
import io.herald.application.ConnectionActivity;
import io.herald.application.CreateRoom;
import io.herald.application.DescribeSession;
import io.herald.application.FetchUndelivered;
import io.herald.application.GuildMembers;
import io.herald.application.JoinRoom;
import io.herald.application.JoinSession;
import io.herald.application.JoinTeam;
import io.herald.application.ManageConnections;
import io.herald.application.MeasuredFanout;
import io.herald.application.Notify;
import io.herald.application.OpenConnection;
import io.herald.application.OrchestrateMessages;
import io.herald.application.PlayerNotifications;
import io.herald.application.RecordGameEvent;
import io.herald.application.RegisterTeam;
import io.herald.application.RegistryFanout;
import io.herald.application.RelayPlayerState;
import io.herald.application.RelayVoice;
import io.herald.application.RoomHistory;
import io.herald.application.SendRoomMessage;
import io.herald.application.SubscribeRoom;
import io.herald.application.port.CharacterVoice;
import io.herald.application.port.ChatStore;
import io.herald.application.port.Clock;
import io.herald.application.spi.CompositionRecorder;
import io.herald.application.port.ConnectionCloser;
import io.herald.application.port.ConnectionGateway;
import io.herald.application.port.ConnectionLog;
import io.herald.application.port.ConnectionRegistry;
import io.herald.application.port.ConversationStore;
import io.herald.application.port.CooldownGuard;
import io.herald.application.port.EventPublisher;
import io.herald.application.port.Fanout;
import io.herald.application.port.IdGenerator;
import io.herald.application.port.MessageComposer;
import io.herald.application.port.MessageStore;
import io.herald.application.port.Metrics;
import io.herald.application.port.NotificationStore;
import io.herald.application.port.Presence;
import io.herald.application.port.RoomStore;
import io.herald.application.port.RoomSubscriptions;
import io.herald.application.port.SessionDirectory;
import io.herald.application.port.VoiceSessions;
import io.herald.application.port.VoiceSink;
import io.herald.domain.CooldownPolicy;
import io.herald.domain.PositionRelay;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

/**
 * The one place the use cases are wired, for both shapes: each shape brings the adapters that fulfil the ports
 * (DynamoDB, Netty or API Gateway pushes, in-process or EventBridge publishing) and this factory does the rest.
 */
@Factory
public class CoreFactory {

    @Singleton
    @Secondary
    Clock clock() {
        return new SystemClock();
    }

    @Singleton
    @Secondary
    IdGenerator ids() {
        return new RandomIds();
    }

    /** Serves until an adapter with a real model (OpenAI) is configured; that bean is primary and wins. */
    @Singleton
    @Secondary
    MessageComposer fixedTextComposer() {
        return new FixedTextComposer();
    }

    @Singleton
    @Secondary
    CompositionRecorder compositionRecorder() {
        return new LoggingCompositionRecorder();
    }

    /** A shape with a metrics registry (Prometheus on a server, embedded metrics in Lambda) brings its own. */
    @Singleton
    @Secondary
    Metrics noMetrics() {
        return Metrics.NONE;
    }

    /** Every use case pushes through the engine as measured, whichever engine the shape brings. */
    private static Fanout measured(Fanout engine, Metrics metrics, Clock clock) {
        return new MeasuredFanout(engine, metrics, clock);
    }

    @Singleton
    RegisterTeam registerTeam(SessionDirectory directory, IdGenerator ids) {
        return new RegisterTeam(directory, ids);
    }

    @Singleton
    JoinTeam joinTeam(SessionDirectory directory, IdGenerator ids) {
        return new JoinTeam(directory, ids);
    }

    @Singleton
    OpenConnection openConnection(ConnectionRegistry connections, ConnectionLog log, Clock clock) {
        return new OpenConnection(connections, log, clock);
    }

    @Singleton
    JoinSession joinSession(ConnectionRegistry connections, SessionDirectory directory) {
        return new JoinSession(connections, directory);
    }

    @Singleton
    CloseConnection closeConnection(ConnectionRegistry connections, ConnectionLog log, Clock clock) {
        return new CloseConnection(connections, log, clock);
    }

    @Singleton
    ConnectionActivity connectionActivity(ConnectionLog log, Clock clock, ConnectionSettings settings) {
        return new ConnectionActivity(log, clock, settings.activityEvery());
    }

    @Singleton
    ManageConnections manageConnections(ConnectionLog log, ConnectionCloser closer, Clock clock) {
        return new ManageConnections(log, closer, clock);
    }

    /**
     * Delivery where the sockets live outside the process and a gateway reaches them (API Gateway in Lambda); a
     * server that holds its own sockets brings its own delivery engine, which wins over this one.
     */
    @Singleton
    @Secondary
    @Requires(beans = ConnectionGateway.class)
    Fanout registryFanout(ConnectionRegistry connections, RoomSubscriptions rooms, ConnectionGateway gateway) {
        return new RegistryFanout(connections, rooms, gateway);
    }

    @Singleton
    RecordGameEvent recordGameEvent(SessionDirectory directory, Fanout fanout, EventPublisher publisher,
            Metrics metrics, Clock clock) {
        return new RecordGameEvent(directory, measured(fanout, metrics, clock), publisher);
    }

    @Singleton
    OrchestrateMessages orchestrateMessages(SessionDirectory directory, MessageStore store, CooldownGuard cooldown,
            HeraldSettings settings, MessageComposer composer, Fanout fanout, Clock clock, IdGenerator ids,
            Metrics metrics) {
        return new OrchestrateMessages(directory, store, cooldown, new CooldownPolicy(settings.cooldown()), composer,
                measured(fanout, metrics, clock), clock, ids, metrics);
    }

    @Singleton
    AcknowledgeMessage acknowledgeMessage(ConnectionRegistry connections, MessageStore store, Clock clock) {
        return new AcknowledgeMessage(connections, store, clock);
    }

    @Singleton
    FetchUndelivered fetchUndelivered(MessageStore store, Clock clock, Metrics metrics) {
        return new FetchUndelivered(store, clock, metrics);
    }

    @Singleton
    DescribeSession describeSession(SessionDirectory directory, Presence presence) {
        return new DescribeSession(directory, presence);
    }

    @Singleton
    RelayPlayerState relayPlayerState(ConnectionRegistry connections, SessionDirectory directory, Fanout fanout,
            Clock clock, HeraldSettings settings, Metrics metrics) {
        return new RelayPlayerState(connections, directory, measured(fanout, metrics, clock), clock, new PositionRelay(settings.positionInterval()));
    }

    @Singleton
    CreateRoom createRoom(RoomStore rooms, ConnectionRegistry connections, Clock clock) {
        return new CreateRoom(rooms, connections, clock);
    }

    @Singleton
    JoinRoom joinRoom(RoomStore rooms, ConnectionRegistry connections, RoomSettings settings, Clock clock) {
        return new JoinRoom(rooms, connections, settings.rules(), clock);
    }

    @Singleton
    GuildMembers guildMembers(RoomStore rooms, RoomSettings settings, Clock clock) {
        return new GuildMembers(rooms, settings.rules(), clock);
    }

    @Singleton
    SendRoomMessage sendRoomMessage(RoomStore rooms, ConnectionRegistry connections, Fanout fanout, IdGenerator ids,
            Clock clock, RoomSettings settings, Metrics metrics) {
        return new SendRoomMessage(rooms, connections, measured(fanout, metrics, clock), ids, clock, settings.rules());
    }

    @Singleton
    SubscribeRoom subscribeRoom(RoomStore rooms, RoomSubscriptions subscriptions, ConnectionRegistry connections,
            RoomSettings settings) {
        return new SubscribeRoom(rooms, subscriptions, connections, settings.rules());
    }

    @Singleton
    RoomHistory roomHistory(RoomStore rooms, ConnectionRegistry connections) {
        return new RoomHistory(rooms, connections);
    }

    @Singleton
    Notify notify(NotificationStore store, SessionDirectory directory, Fanout fanout, IdGenerator ids, Clock clock,
            Metrics metrics) {
        return new Notify(store, directory, measured(fanout, metrics, clock), ids, clock);
    }

    @Singleton
    PlayerNotifications playerNotifications(NotificationStore store, ConnectionRegistry connections, Clock clock) {
        return new PlayerNotifications(store, connections, clock);
    }

    /** No speech service yet: voice goes only to the other devices of the session. */
    @Singleton
    @Secondary
    VoiceSink voiceSink() {
        return VoiceSink.NONE;
    }

    @Singleton
    RelayVoice relayVoice(ConnectionRegistry connections, VoiceSessions sessions, VoiceSink sink, Fanout fanout,
            IdGenerator ids, Clock clock, Metrics metrics) {
        return new RelayVoice(connections, sessions, sink, measured(fanout, metrics, clock), ids, clock);
    }

    /** Without a model, characters say their fixed line; the OpenAI adapter's voice wins when a key is set. */
    @Singleton
    @Secondary
    CharacterVoice silentCharacters() {
        return CharacterVoice.NONE;
    }

    @Singleton
    ChatWithCharacter chatWithCharacter(ChatStore store, CharacterVoice voice, ConnectionRegistry connections,
            Fanout fanout, IdGenerator ids, Clock clock, Metrics metrics) {
        return new ChatWithCharacter(store, voice, connections, measured(fanout, metrics, clock), ids, clock);
    }

    @Singleton
    CharacterConversation characterConversation(ConversationStore store, CharacterVoice voice,
            SessionDirectory directory, Fanout fanout, IdGenerator ids, Clock clock, Metrics metrics) {
        return new CharacterConversation(store, voice, directory, measured(fanout, metrics, clock), ids, clock);
    }
}
