package io.herald.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.application.fake.FakeHerald;
import io.herald.application.fake.InMemoryChatStore;
import io.herald.application.port.CharacterVoice;
import io.herald.application.port.Push;
import io.herald.domain.CharacterId;
import io.herald.domain.ChatTurn;
import io.herald.domain.ConnectionId;
import io.herald.domain.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChatWithCharacterTest {
    private final FakeHerald herald = new FakeHerald();
    private final FakeHerald.TestTeam team = herald.team("Ana");
    private final ConnectionId phone = herald.connect(team.session(), team.player(0));
    private final ConnectionId tablet = herald.connect(team.session(), team.player(0));
    private final CharacterId sarah = new CharacterId("sarah");
    private final List<CharacterVoice.Request> asked = new ArrayList<>();
    private final InMemoryChatStore chats = new InMemoryChatStore();

    private ChatWithCharacter chatWith(CharacterVoice voice) {
        return new ChatWithCharacter(chats, request -> {
            asked.add(request);
            return voice.next(request);
        }, herald.connections, herald.fanout, herald.ids, herald.clock);
    }

    @Test
    void the_reply_is_written_with_the_conversation_so_far_stored_linked_and_pushed_to_every_device() {
        ChatWithCharacter chat = chatWith(r -> new CharacterVoice.Line.Said("Hello, traveller.", Optional.of("Chat-1")));

        ChatWithCharacter.Replied first = (ChatWithCharacter.Replied) chat.say(new ChatWithCharacter.Command(
                new Caller.OnConnection(phone), sarah, "hi"));
        herald.clock.advance(java.time.Duration.ofSeconds(2));
        ChatWithCharacter.Replied second = (ChatWithCharacter.Replied) chat.say(new ChatWithCharacter.Command(
                new Caller.OnConnection(phone), sarah, "  where is the key?  "));

        assertThat(asked.get(1).transcript()).extracting(t -> t.text().value())
                .containsExactly("hi", "Hello, traveller.", "where is the key?");
        assertThat(second.fellBack()).isFalse();
        assertThat(second.reply().llmInteractionId()).contains("Chat-1");
        assertThat(second.reply().role()).isEqualTo(ChatTurn.Role.CHARACTER);
        assertThat(chats.recent(second.said().player(), sarah, 10)).hasSize(4)
                .containsExactly(first.said(), first.reply(), second.said(), second.reply());
        for (ConnectionId device : List.of(phone, tablet)) {
            assertThat(herald.gateway.pushesTo(device, Push.ChatReply.class)).hasSize(2)
                    .extracting(Push.ChatReply::turn).containsExactly(first.reply(), second.reply());
        }
    }

    @Test
    void without_an_answer_the_character_says_its_fixed_line_and_the_call_stays_linked() {
        ChatWithCharacter chat = chatWith(r -> new CharacterVoice.Line.Silent("timeout", Optional.of("Chat-9")));

        ChatWithCharacter.Replied replied = (ChatWithCharacter.Replied) chat.say(new ChatWithCharacter.Command(
                new Caller.OnConnection(phone), sarah, "hello?"));

        assertThat(replied.fellBack()).isTrue();
        assertThat(replied.reply().text()).isEqualTo(ChatWithCharacter.fixedLine(sarah));
        assertThat(replied.reply().llmInteractionId()).contains("Chat-9");
        assertThat(chats.recent(replied.said().player(), sarah, 10)).as("the fixed line is stored, still linked")
                .containsExactly(replied.said(), replied.reply());
        assertThat(herald.gateway.pushesTo(phone, Push.ChatReply.class)).extracting(Push.ChatReply::turn)
                .containsExactly(replied.reply());
    }

    @Test
    void empty_text_a_stranger_and_a_flood_are_refused_before_anything_is_stored() {
        ChatWithCharacter chat = chatWith(CharacterVoice.NONE);

        assertThat(chat.say(new ChatWithCharacter.Command(new Caller.OnConnection(phone), sarah, " \u0000 ")))
                .isEqualTo(new Refused(Refusal.EMPTY_TEXT));
        assertThat(chat.say(new ChatWithCharacter.Command(new Caller.OnConnection(new ConnectionId("gone")), sarah,
                "hi"))).isEqualTo(new Refused(Refusal.UNKNOWN_CONNECTION));
        ChatWithCharacter.Outcome last = null;
        for (int i = 0; i < ChatWithCharacter.PLAYER_RATE.burst() + 1; i++) {
            last = chat.say(new ChatWithCharacter.Command(new Caller.OnConnection(phone), sarah, "again " + i));
        }
        assertThat(last).isInstanceOf(ChatWithCharacter.Limited.class);
        assertThat(asked).hasSize(ChatWithCharacter.PLAYER_RATE.burst());
        assertThat(chats.recent(new io.herald.domain.Member(team.session(), team.player(0)), sarah, 1_000))
                .as("only the sayings let through are stored, each with its reply")
                .hasSize(2 * ChatWithCharacter.PLAYER_RATE.burst())
                .extracting(t -> t.text().value()).doesNotContain("again " + ChatWithCharacter.PLAYER_RATE.burst());
    }
}
