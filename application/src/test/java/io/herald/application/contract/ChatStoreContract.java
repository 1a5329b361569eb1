package io.herald.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.application.port.ChatStore;
import io.herald.application.port.PageCursor;
import io.herald.domain.CharacterId;
import io.herald.domain.ChatTurn;
import io.herald.domain.Member;
import io.herald.domain.PlayerId;
import io.herald.domain.RoomText;
import io.herald.domain.SessionId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link ChatStore} keeps: each player's chat with each character, in order, paged newest first. */
public abstract class ChatStoreContract {
    private static final Instant T0 = ContractTime.base().truncatedTo(ChronoUnit.MILLIS);
    private final Member ana = new Member(new SessionId("s-" + UUID.randomUUID()), new PlayerId("ana"));
    private final Member ben = new Member(ana.session(), new PlayerId("ben"));
    private final CharacterId sarah = new CharacterId("sarah");
    private final CharacterId john = new CharacterId("john");
    private int made;

    protected abstract ChatStore store();

    private ChatTurn said(Member player, CharacterId character, ChatTurn.Role role, String text) {
        Instant at = T0.plusMillis(made++);
        ChatTurn turn = new ChatTurn("t" + String.format("%013d", at.toEpochMilli()) + "-" + made, player, character,
                role, RoomText.from(text).text().orElseThrow(), at,
                role == ChatTurn.Role.CHARACTER ? Optional.of("Chat-" + made) : Optional.empty());
        store().append(turn);
        return turn;
    }

    @Test
    void recent_turns_come_oldest_first_and_only_of_that_player_and_character() {
        List<ChatTurn> mine = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            mine.add(said(ana, sarah, i % 2 == 0 ? ChatTurn.Role.PLAYER : ChatTurn.Role.CHARACTER, "line " + i));
        }
        said(ana, john, ChatTurn.Role.PLAYER, "to john");
        said(ben, sarah, ChatTurn.Role.PLAYER, "ben to sarah");

        assertThat(store().recent(ana, sarah, 4)).containsExactlyElementsOf(mine.subList(2, 6));
        assertThat(store().recent(ana, sarah, 4).get(1).llmInteractionId()).contains("Chat-4");
    }

    @Test
    void history_pages_newest_first_through_a_cursor() {
        List<ChatTurn> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(said(ana, sarah, ChatTurn.Role.PLAYER, "line " + i));
        }

        ChatStore.ChatPage first = store().history(ana, sarah, Optional.empty(), 3);
        ChatStore.ChatPage second = store().history(ana, sarah, first.next(), 3);

        assertThat(first.turns()).containsExactly(mine.get(4), mine.get(3), mine.get(2));
        assertThat(second.turns()).containsExactly(mine.get(1), mine.get(0));
        assertThat(second.next()).isEmpty();
        assertThatThrownBy(() -> store().history(ana, sarah, Optional.of(new PageCursor("no-cursor")), 3))
                .isInstanceOf(PageCursor.Invalid.class);
    }
}
