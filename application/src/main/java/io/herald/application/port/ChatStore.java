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

    /** Newest first; {@code cursor} continues a previous page. */
    ChatPage history(Member player, CharacterId character, Optional<String> cursor, int limit);

    record ChatPage(List<ChatTurn> turns, Optional<String> next) {
        public ChatPage {
            turns = List.copyOf(turns);
        }
    }

    final class InvalidCursorException extends IllegalArgumentException {
        public InvalidCursorException(String cursor) {
            super("not a chat cursor: " + cursor);
        }
    }
}
