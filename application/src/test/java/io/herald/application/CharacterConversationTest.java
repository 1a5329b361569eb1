package io.herald.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.application.fake.FakeHerald;
import io.herald.application.fake.InMemoryConversationStore;
import io.herald.application.port.CharacterVoice;
import io.herald.application.port.Push;
import io.herald.domain.CharacterId;
import io.herald.domain.ConnectionId;
import io.herald.domain.ConversationLine;
import io.herald.domain.Refusal;
import io.herald.domain.SessionId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CharacterConversationTest {
    private final FakeHerald herald = new FakeHerald();
    private final FakeHerald.TestTeam team = herald.team("Ana", "Ben");
    private final ConnectionId anaPhone = herald.connect(team.session(), team.player(0));
    private final ConnectionId benPhone = herald.connect(team.session(), team.player(1));
    private final CharacterId sarah = new CharacterId("sarah");
    private final CharacterId john = new CharacterId("john");
    private final List<CharacterVoice.Request> asked = new ArrayList<>();
    private final InMemoryConversationStore store = new InMemoryConversationStore();
    private final CharacterConversation conversation = new CharacterConversation(store, request -> {
        asked.add(request);
        return new CharacterVoice.Line.Said(request.speaker() + " says line " + request.transcript().size(),
                Optional.of("Chat-" + asked.size()));
    }, herald.directory, herald.fanout, herald.ids, herald.clock);

    @Test
    void the_cast_takes_turns_each_line_stored_and_overheard_by_every_device_of_the_session() {
        CharacterConversation.Held held = (CharacterConversation.Held) conversation.hold(
                new CharacterConversation.Command(team.session(), List.of(sarah, john), "the missing key", 3));

        assertThat(held.lines()).extracting(l -> l.speaker().value()).containsExactly("sarah", "john", "sarah");
        assertThat(held.lines()).extracting(l -> l.text().value())
                .containsExactly("sarah says line 0", "john says line 1", "sarah says line 2");
        assertThat(asked.get(2).transcript()).hasSize(2);
        assertThat(asked).allSatisfy(r -> assertThat(r.topic()).contains("the missing key"));
        assertThat(store.lines(team.session(), held.conversationId())).containsExactlyElementsOf(held.lines());
        for (ConnectionId device : List.of(anaPhone, benPhone)) {
            assertThat(herald.gateway.pushesTo(device, Push.CharacterLine.class)).extracting(p -> p.line().index())
                    .containsExactly(0, 1, 2);
        }
        assertThat(held.lines().get(1).llmInteractionId()).contains("Chat-2");
    }

    @Test
    void without_a_model_each_line_is_the_speakers_fixed_line() {
        CharacterConversation.Held held = (CharacterConversation.Held) herald.characterConversation.hold(
                new CharacterConversation.Command(team.session(), List.of(sarah, john), "anything", 2));

        assertThat(held.lines()).extracting(ConversationLine::text)
                .containsExactly(ChatWithCharacter.fixedLine(sarah), ChatWithCharacter.fixedLine(john));
    }

    @Test
    void a_cast_of_one_too_many_lines_no_topic_or_no_session_are_refused() {
        assertThatThrownBy(() -> conversation.hold(new CharacterConversation.Command(team.session(), List.of(sarah, sarah),
                "t", 2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> conversation.hold(new CharacterConversation.Command(team.session(), List.of(sarah, john),
                "t", CharacterConversation.MAX_LINES + 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> conversation.hold(new CharacterConversation.Command(team.session(), List.of(sarah, john),
                " ", 2))).isInstanceOf(IllegalArgumentException.class);
        assertThat(conversation.hold(new CharacterConversation.Command(new SessionId("nowhere"), List.of(sarah, john),
                "t", 2))).isEqualTo(new Refused(Refusal.UNKNOWN_SESSION));
        assertThat(asked).isEmpty();
    }
}
