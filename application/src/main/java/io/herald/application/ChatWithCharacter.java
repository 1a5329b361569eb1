package io.herald.application;

import io.herald.application.limit.Allowance;
import io.herald.application.limit.RateLimiter;
import io.herald.application.port.Audience;
import io.herald.application.port.CharacterVoice;
import io.herald.application.port.ChatStore;
import io.herald.application.port.Clock;
import io.herald.application.port.ConnectionRegistry;
import io.herald.application.port.Fanout;
import io.herald.application.port.IdGenerator;
import io.herald.application.port.PageCursor;
import io.herald.application.port.Push;
import io.herald.domain.CharacterId;
import io.herald.domain.ChatTurn;
import io.herald.domain.Member;
import io.herald.domain.Refusal;
import io.herald.domain.RoomText;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A player talks with a character (seed 003 ChatMessage, seed 004 {@code text_message}): the player's words are stored,
 * the character's reply is written by the {@link CharacterVoice} with the last {@value #CONTEXT_TURNS} turns as context
 * (or is the character's fixed line when no model answers), stored linked to its model call, and pushed to every
 * device of the player.
 */
public final class ChatWithCharacter {
    public static final int CONTEXT_TURNS = 20;
    public static final Allowance PLAYER_RATE = new Allowance(1, Duration.ofSeconds(1), 5);

    private final ChatStore store;
    private final CharacterVoice voice;
    private final ConnectionRegistry connections;
    private final Fanout fanout;
    private final IdGenerator ids;
    private final Clock clock;
    private final RateLimiter players;

    public ChatWithCharacter(ChatStore store, CharacterVoice voice, ConnectionRegistry connections, Fanout fanout,
            IdGenerator ids, Clock clock) {
        this.store = store;
        this.voice = voice;
        this.connections = connections;
        this.fanout = fanout;
        this.ids = ids;
        this.clock = clock;
        this.players = new RateLimiter(PLAYER_RATE, clock, 100_000);
    }

    public record Command(Caller caller, CharacterId character, String text) {
    }

    public sealed interface Outcome permits Replied, Limited, Refused {
    }

    /** {@code fellBack}: no model wrote the reply; it is the character's fixed line. */
    public record Replied(ChatTurn said, ChatTurn reply, boolean fellBack) implements Outcome {
    }

    public record Limited(Duration retryAfter) implements Outcome {
    }

    public Outcome say(Command command) {
        RoomText.Result text = RoomText.from(command.text());
        if (text.refusal().isPresent()) {
            return new Refused(text.refusal().get());
        }
        Optional<Member> player = command.caller().member(connections);
        if (player.isEmpty()) {
            return new Refused(Refusal.UNKNOWN_CONNECTION);
        }
        if (players.take(player.get().session().value() + '|' + player.get().player().value())
                instanceof RateLimiter.Limited limited) {
            return new Limited(limited.retryAfter());
        }
        ChatTurn said = turn(player.get(), command.character(), ChatTurn.Role.PLAYER, text.text().get(),
                Optional.empty());
        store.append(said);
        CharacterVoice.Line line = voice.next(new CharacterVoice.Request(player.get().session(), command.character(),
                store.recent(player.get(), command.character(), CONTEXT_TURNS)));
        Optional<RoomText> written = line instanceof CharacterVoice.Line.Said spoken
                ? RoomText.from(spoken.text()).text()
                : Optional.empty();
        ChatTurn reply = turn(player.get(), command.character(), ChatTurn.Role.CHARACTER,
                written.orElseGet(() -> fixedLine(command.character())), line.llmInteractionId());
        store.append(reply);
        fanout.send(Audience.player(player.get().session(), player.get().player()), new Push.ChatReply(reply));
        return new Replied(said, reply, written.isEmpty());
    }

    /** What a character says when no model answers: honest about it, and the same every time. */
    public static RoomText fixedLine(CharacterId character) {
        return RoomText.from(character.value() + " is lost in thought and does not answer just now.").text().orElseThrow();
    }

    /** Ids are time-ordered ({@code t{13-digit epoch ms}-…}) so a history sorts by them. */
    private ChatTurn turn(Member player, CharacterId character, ChatTurn.Role role, RoomText text,
            Optional<String> llmInteractionId) {
        Instant now = clock.now();
        return new ChatTurn("t" + String.format("%013d", now.toEpochMilli()) + "-" + ids.newMessageId().value(), player,
                character, role, text, now, llmInteractionId);
    }

    public ChatStore.ChatPage history(Caller caller, CharacterId character, Optional<PageCursor> cursor, int limit) {
        return caller.member(connections).map(player -> store.history(player, character, cursor, limit))
                .orElse(new ChatStore.ChatPage(java.util.List.of(), Optional.empty()));
    }
}
