package io.herald.adapter.openai;

import com.openai.client.OpenAIClient;
import io.herald.application.fake.FakeHerald;
import io.herald.application.fake.ManualClock;
import io.herald.application.fake.RecordingCompositionRecorder;
import io.herald.application.port.MessageComposer;
import io.herald.application.spi.CompositionRecorder;
import io.herald.domain.GameEvent;
import io.herald.domain.MessageType;
import io.herald.domain.Milestone;
import io.herald.domain.NodeComplete;
import io.herald.domain.NodeId;
import io.herald.domain.ObjectId;
import io.herald.domain.PlayerId;
import io.herald.domain.PlayerStatus;
import io.herald.domain.SessionId;
import io.herald.domain.SessionPlayer;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link OpenAiComposer} built the way {@link OpenAiFactory} builds it, from {@link OpenAiSettings} that the test
 * may change first, against a {@link FakeOpenAi}, on a manual clock, with a recording recorder.
 */
final class ComposerFixture implements AutoCloseable {
    static final String SYSTEM_PROMPT = """
            You are Captain Nova, the cheerful navigator of the starship Lumen.
            Speak to the crew with warmth and a little humour, in one or two short sentences.""";
    static final SessionId SESSION = new SessionId("session-123");
    static final SessionPlayer ANA = new SessionPlayer(new PlayerId("player-ana"), "Ana", PlayerStatus.ACTIVE);
    static final SessionPlayer BEN = new SessionPlayer(new PlayerId("player-ben"), "Ben", PlayerStatus.ACTIVE);

    final FakeOpenAi server = FakeOpenAi.start();
    final ManualClock clock = new ManualClock(FakeHerald.START);
    final RecordingCompositionRecorder recorder = new RecordingCompositionRecorder();
    final OpenAiSettingsDraft settings = new OpenAiSettingsDraft();
    private final List<OpenAIClient> clients = new ArrayList<>();

    ComposerFixture() {
        settings.setApiKey("test-key");
        settings.setBaseUrl(server.baseUrl());
    }

    MessageComposer composer() {
        return composer(() -> SYSTEM_PROMPT);
    }

    MessageComposer composer(SystemPromptSource prompts) {
        return composer(prompts, recorder);
    }

    MessageComposer composer(SystemPromptSource prompts, CompositionRecorder calls) {
        OpenAiFactory factory = new OpenAiFactory();
        OpenAiSettings bound = settings.bound();
        OpenAIClient client = factory.openAiClient(bound, "");
        clients.add(client);
        return factory.messageComposer(client, bound, prompts, calls, clock);
    }

    static MessageComposer.Request individual(GameEvent event, SessionPlayer reader) {
        return new MessageComposer.Request(event, MessageType.INDIVIDUAL, List.of(reader));
    }

    static MessageComposer.Request anaCompletes(String node) {
        return individual(new NodeComplete(SESSION, ANA.id(), new NodeId(node), FakeHerald.START), ANA);
    }

    static MessageComposer.Request teamReaches(String place) {
        return new MessageComposer.Request(new Milestone(SESSION, new ObjectId(place), FakeHerald.START), MessageType.BROADCAST,
                List.of(ANA, BEN));
    }

    @Override
    public void close() {
        clients.forEach(OpenAIClient::close);
        server.close();
    }
}
