package io.herald.application.fake;

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
import io.herald.application.LocalVoiceSessions;
import io.herald.application.ManageConnections;
import io.herald.application.MeasuredFanout;
import io.herald.application.Notify;
import io.herald.application.OpenConnection;
import io.herald.application.OrchestrateMessages;
import io.herald.application.PlayerNotifications;
import io.herald.application.RecordGameEvent;
import io.herald.application.RegisterTeam;
import io.herald.application.Registration;
import io.herald.application.RegistryFanout;
import io.herald.application.RelayVoice;
import io.herald.application.RoomHistory;
import io.herald.application.RoomRules;
import io.herald.application.SendRoomMessage;
import io.herald.application.SubscribeRoom;
import io.herald.application.port.CharacterVoice;
import io.herald.application.port.VoiceSink;
import io.herald.domain.ConnectionId;
import io.herald.domain.CooldownPolicy;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import io.herald.domain.TeamMode;
import io.herald.domain.TravelMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Every use case wired to in-memory fakes, with helpers to set up a team and its devices in one line. */
public final class FakeHerald {
    public static final Instant START = Instant.parse("2026-01-09T10:30:00Z");
    public static final Duration LEASE = Duration.ofSeconds(30);

    public final ManualClock clock = new ManualClock(START);
    public final SequentialIds ids = new SequentialIds();
    public final InMemoryCooldownGuard cooldown = new InMemoryCooldownGuard();
    public final InMemoryMessageStore store = new InMemoryMessageStore(LEASE, cooldown);
    public final InMemoryConnectionRegistry connections = new InMemoryConnectionRegistry();
    public final InMemorySessionDirectory directory = new InMemorySessionDirectory();
    public final RecordingGateway gateway = new RecordingGateway();
    public final InMemoryRoomStore rooms = new InMemoryRoomStore();
    public final InMemoryRoomSubscriptions roomSubscriptions = new InMemoryRoomSubscriptions(gateway);
    public final RegistryFanout fanout = new RegistryFanout(connections, roomSubscriptions, gateway);
    public final RecordingPublisher publisher = new RecordingPublisher();
    public final ScriptedComposer composer;
    public final RecordingMetrics metrics = new RecordingMetrics();

    public final RegisterTeam registerTeam = new RegisterTeam(directory, ids);
    public final JoinTeam joinTeam = new JoinTeam(directory, ids);
    public final InMemoryConnectionLog connectionLog = new InMemoryConnectionLog();
    public final RecordingCloser closer = new RecordingCloser();
    public final OpenConnection openConnection = new OpenConnection(connections, connectionLog, clock);
    public final JoinSession joinSession = new JoinSession(connections, directory);
    public final CloseConnection closeConnection = new CloseConnection(connections, connectionLog, clock);
    public final ConnectionActivity connectionActivity = new ConnectionActivity(connectionLog, clock,
            Duration.ofSeconds(60));
    public final ManageConnections manageConnections = new ManageConnections(connectionLog, closer, clock);
    public final LocalVoiceSessions voiceSessions = new LocalVoiceSessions();
    public final InMemoryChatStore chats = new InMemoryChatStore();
    public final ChatWithCharacter chatWithCharacter = new ChatWithCharacter(chats, CharacterVoice.NONE, connections,
            fanout, ids, clock);
    public final InMemoryConversationStore conversations = new InMemoryConversationStore();
    public final CharacterConversation characterConversation = new CharacterConversation(conversations,
            CharacterVoice.NONE, directory, fanout, ids, clock);
    public final RelayVoice relayVoice = new RelayVoice(connections, voiceSessions, VoiceSink.NONE, fanout, ids, clock);
    public final RecordGameEvent recordGameEvent;
    public final OrchestrateMessages orchestrate;
    public final AcknowledgeMessage acknowledge = new AcknowledgeMessage(connections, store, clock);
    public final FetchUndelivered fetchUndelivered = new FetchUndelivered(store, clock, metrics);
    public final DescribeSession describeSession = new DescribeSession(directory, connections);
    public final CreateRoom createRoom = new CreateRoom(rooms, connections, clock);
    public final JoinRoom joinRoom = new JoinRoom(rooms, connections, RoomRules.DEFAULTS, clock);
    public final GuildMembers guildMembers = new GuildMembers(rooms, RoomRules.DEFAULTS, clock);
    public final SendRoomMessage sendRoomMessage = new SendRoomMessage(rooms, connections, fanout, ids, clock,
            RoomRules.DEFAULTS);
    public final SubscribeRoom subscribeRoom = new SubscribeRoom(rooms, roomSubscriptions, connections,
            RoomRules.DEFAULTS);
    public final RoomHistory roomHistory = new RoomHistory(rooms, connections);
    public final InMemoryNotificationStore notifications = new InMemoryNotificationStore();
    public final Notify notify = new Notify(notifications, directory, fanout, ids, clock);
    public final PlayerNotifications playerNotifications = new PlayerNotifications(notifications, connections, clock);

    public FakeHerald() {
        this(ScriptedComposer.answering("Nice work!"));
    }

    public FakeHerald(ScriptedComposer composer) {
        this(composer, CooldownPolicy.DEFAULT_WINDOW);
    }

    public FakeHerald(ScriptedComposer composer, Duration cooldown) {
        this.composer = composer;
        this.recordGameEvent = new RecordGameEvent(directory, fanout, publisher);
        this.orchestrate = new OrchestrateMessages(directory, store, this.cooldown, new CooldownPolicy(cooldown), composer,
                new MeasuredFanout(fanout, metrics, clock), clock, ids, metrics);
    }

    /** A team of the named players, none connected yet. */
    public TestTeam team(String... names) {
        Registration first = registerTeam.register(new RegisterTeam.Command(names[0], TeamMode.TEAM, TravelMode.CO_LOCATED));
        List<PlayerId> players = new ArrayList<>(List.of(first.player().id()));
        for (int i = 1; i < names.length; i++) {
            Registration joined = (Registration) joinTeam.join(new JoinTeam.Command(first.team().code(), names[i]));
            players.add(joined.player().id());
        }
        return new TestTeam(first.team().session(), List.copyOf(players));
    }

    /** Opens and joins one more device for the player. */
    public ConnectionId connect(SessionId session, PlayerId player) {
        ConnectionId id = ids.newConnectionId();
        openConnection.open(new OpenConnection.Command(id, session, player));
        joinSession.join(new JoinSession.Command(id, session, player));
        return id;
    }

    public record TestTeam(SessionId session, List<PlayerId> players) {
        public PlayerId player(int index) {
            return players.get(index);
        }
    }
}
