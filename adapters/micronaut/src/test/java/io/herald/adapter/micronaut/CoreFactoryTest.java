package io.herald.adapter.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.herald.application.fake.InMemoryChatStore;
import io.herald.application.fake.InMemoryConnectionLog;
import io.herald.application.fake.InMemoryConnectionRegistry;
import io.herald.application.fake.InMemoryConversationStore;
import io.herald.application.fake.InMemoryCooldownGuard;
import io.herald.application.fake.InMemoryMessageStore;
import io.herald.application.fake.InMemoryNotificationStore;
import io.herald.application.fake.InMemoryRoomStore;
import io.herald.application.fake.InMemoryRoomSubscriptions;
import io.herald.application.fake.InMemorySessionDirectory;
import io.herald.application.fake.RecordingCloser;
import io.herald.application.fake.RecordingGateway;
import io.herald.application.fake.RecordingPublisher;
import io.herald.application.fake.ScriptedComposer;
import io.herald.application.port.Clock;
import io.herald.application.port.MessageComposer;
import io.herald.domain.NodeComplete;
import io.herald.domain.NodeId;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoreFactoryTest {

    private static ApplicationContext contextWithPorts(Map<String, Object> properties) {
        ApplicationContext context = ApplicationContext.builder().properties(properties).build();
        InMemoryCooldownGuard cooldown = new InMemoryCooldownGuard();
        context.registerSingleton(new InMemoryMessageStore(Duration.ofSeconds(30), cooldown));
        context.registerSingleton(new InMemoryConnectionRegistry());
        context.registerSingleton(new InMemorySessionDirectory());
        context.registerSingleton(cooldown);
        RecordingGateway gateway = new RecordingGateway();
        context.registerSingleton(gateway);
        context.registerSingleton(new InMemoryRoomStore());
        context.registerSingleton(new InMemoryNotificationStore());
        context.registerSingleton(new InMemoryConnectionLog());
        context.registerSingleton(new RecordingCloser());
        context.registerSingleton(new LocalVoiceSessions());
        context.registerSingleton(new InMemoryChatStore());
        context.registerSingleton(new InMemoryConversationStore());
        context.registerSingleton(new InMemoryRoomSubscriptions(gateway));
        context.registerSingleton(new RecordingPublisher());
        return context.start();
    }

    @Test
    void every_use_case_is_wired_from_the_ports_the_shape_provides() {
        try (ApplicationContext context = contextWithPorts(Map.of())) {
            for (Class<?> useCase : List.of(RegisterTeam.class, JoinTeam.class, OpenConnection.class, JoinSession.class,
                    CloseConnection.class, RecordGameEvent.class, OrchestrateMessages.class, AcknowledgeMessage.class,
                    FetchUndelivered.class, DescribeSession.class, RelayPlayerState.class, CreateRoom.class,
                    JoinRoom.class, GuildMembers.class, SendRoomMessage.class, SubscribeRoom.class, RoomHistory.class,
                    Notify.class, PlayerNotifications.class, ConnectionActivity.class, ManageConnections.class,
                    RelayVoice.class, ChatWithCharacter.class,
                    CharacterConversation.class)) {
                assertThat(context.getBean(useCase)).as(useCase.getSimpleName()).isNotNull();
            }
            assertThat(context.getBean(io.herald.application.port.Fanout.class))
                    .as("with a gateway and a registry, pushes go through them").isInstanceOf(RegistryFanout.class);
        }
    }

    @Test
    void without_a_model_the_fixed_texts_speak_and_the_clock_is_the_system_clock() {
        try (ApplicationContext context = contextWithPorts(Map.of())) {
            MessageComposer composer = context.getBean(MessageComposer.class);
            NodeComplete event = new NodeComplete(new SessionId("s"), new PlayerId("p"), new NodeId("n"), Instant.EPOCH);

            assertThat(composer.compose(new MessageComposer.Request(event, io.herald.domain.MessageType.INDIVIDUAL,
                    List.of()))).isEqualTo(new MessageComposer.Composition.Text(
                            io.herald.domain.FallbackText.forEvent(event)));
            assertThat(composer.isInstant()).as("fixed texts cost nothing, so they are composed first").isTrue();
            assertThat(context.getBean(Clock.class).now()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(
                    Duration.ofMinutes(1)));
        }
    }

    @Test
    void a_real_composer_replaces_the_fixed_texts() {
        try (ApplicationContext context = ApplicationContext.builder().build()) {
            ScriptedComposer model = ScriptedComposer.answering("from the model");
            context.registerSingleton(MessageComposer.class, model);
            context.start();

            assertThat(context.getBean(MessageComposer.class)).isSameAs(model);
        }
    }

    @Test
    void the_cooldown_window_comes_from_configuration() {
        try (ApplicationContext context = contextWithPorts(Map.of("herald.messages.cooldown", "0s"))) {
            assertThat(context.getBean(HeraldSettings.class).cooldown()).isZero();
        }
    }
}
