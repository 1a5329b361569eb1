package io.herald.application;

import io.herald.application.port.Audience;
import io.herald.application.port.CharacterVoice;
import io.herald.application.port.Clock;
import io.herald.application.port.ConversationStore;
import io.herald.application.port.Fanout;
import io.herald.application.port.IdGenerator;
import io.herald.application.port.Push;
import io.herald.application.port.SessionDirectory;
import io.herald.domain.CharacterId;
import io.herald.domain.ChatTurn;
import io.herald.domain.ConversationLine;
import io.herald.domain.Member;
import io.herald.domain.PlayerId;
import io.herald.domain.Refusal;
import io.herald.domain.RoomText;
import io.herald.domain.SessionId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Characters talking among themselves while a session's players listen (seed 003, option 3), started by the game's
 * backend: the cast takes turns, each line written by the {@link CharacterVoice} with the conversation so far and
 * the topic, stored, then pushed to every device of the session as it is said. A line no model writes is the
 * speaker's fixed line.
 */
public final class CharacterConversation {
    public static final int MAX_LINES = 12;
    public static final int MAX_CAST = 4;
    public static final int MAX_TOPIC_LENGTH = 200;
    /** The transcript's turns belong to nobody's chat; they need a member, and this is it. */
    private static final PlayerId OVERHEARD = new PlayerId("overheard");

    private final ConversationStore store;
    private final CharacterVoice voice;
    private final SessionDirectory directory;
    private final Fanout fanout;
    private final IdGenerator ids;
    private final Clock clock;

    public CharacterConversation(ConversationStore store, CharacterVoice voice, SessionDirectory directory, Fanout fanout,
            IdGenerator ids, Clock clock) {
        this.store = store;
        this.voice = voice;
        this.directory = directory;
        this.fanout = fanout;
        this.ids = ids;
        this.clock = clock;
    }

    public record Command(SessionId session, List<CharacterId> cast, String topic, int lines) {
    }

    public sealed interface Outcome permits Held, Refused {
    }

    public record Held(String conversationId, List<ConversationLine> lines) implements Outcome {
    }

    /** @throws IllegalArgumentException for a cast, topic or length outside the rules (the edge's 400) */
    public Outcome hold(Command command) {
        List<CharacterId> cast = List.copyOf(new LinkedHashSet<>(command.cast()));
        if (cast.size() < 2 || cast.size() > MAX_CAST) {
            throw new IllegalArgumentException("a conversation has 2 to " + MAX_CAST + " different characters");
        }
        if (command.lines() < 1 || command.lines() > MAX_LINES) {
            throw new IllegalArgumentException("a conversation has 1 to " + MAX_LINES + " lines");
        }
        RoomText topic = RoomText.from(command.topic()).text()
                .filter(t -> t.value().codePointCount(0, t.value().length()) <= MAX_TOPIC_LENGTH)
                .orElseThrow(() -> new IllegalArgumentException("a topic is 1 to " + MAX_TOPIC_LENGTH + " characters"));
        if (directory.teamOf(command.session()).isEmpty()) {
            return new Refused(Refusal.UNKNOWN_SESSION);
        }
        Instant started = clock.now();
        String id = "v" + String.format("%013d", started.toEpochMilli()) + "-" + ids.newMessageId().value();
        List<ConversationLine> said = new ArrayList<>();
        List<ChatTurn> transcript = new ArrayList<>();
        for (int index = 0; index < command.lines(); index++) {
            CharacterId speaker = cast.get(index % cast.size());
            CharacterVoice.Line line = voice.next(new CharacterVoice.Request(command.session(), speaker, transcript,
                    Optional.of(topic.value())));
            RoomText text = (line instanceof CharacterVoice.Line.Said spoken ? RoomText.from(spoken.text()).text()
                    : Optional.<RoomText>empty()).orElseGet(() -> ChatWithCharacter.fixedLine(speaker));
            Instant at = clock.now();
            ConversationLine next = new ConversationLine(id, index, command.session(), speaker, text, at,
                    line.llmInteractionId());
            store.append(next);
            fanout.send(Audience.everyoneIn(command.session()), new Push.CharacterLine(next));
            said.add(next);
            transcript.add(new ChatTurn(id + "-" + index, new Member(command.session(), OVERHEARD), speaker,
                    ChatTurn.Role.CHARACTER, text, at, line.llmInteractionId()));
        }
        return new Held(id, said);
    }

    public List<ConversationLine> lines(SessionId session, String conversationId) {
        return store.lines(session, conversationId);
    }
}
