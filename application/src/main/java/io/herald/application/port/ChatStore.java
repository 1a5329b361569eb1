package io.herald.application.port;

import io.herald.domain.CharacterId;
import io.herald.domain.ChatTurn;
import io.herald.domain.Member;
import java.util.List;
import java.util.Optional;

/** Each player's conversation with each character, of record. */
public interface ChatStore {

    void append(ChatTurn turn);

    /** The last {@code count} turns, oldest first: what a reply is written with. */
    List<ChatTurn> recent(Member player, CharacterId character, int count);

    /**
     * Newest first; {@code cursor} continues a previous page.
     *
     * @throws PageCursor.Invalid for a cursor this store did not give out
     */
    ChatPage history(Member player, CharacterId character, Optional<PageCursor> cursor, int limit);

    record ChatPage(List<ChatTurn> turns, Optional<PageCursor> next) {
        public ChatPage {
            turns = List.copyOf(turns);
        }
    }
}
