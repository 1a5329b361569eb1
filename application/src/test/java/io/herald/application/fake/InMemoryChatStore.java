package io.herald.application.fake;

import io.herald.application.port.ChatStore;
import io.herald.application.port.PageCursor;
import io.herald.domain.CharacterId;
import io.herald.domain.ChatTurn;
import io.herald.domain.Member;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Chats in a list, under one lock: the rules of {@link ChatStore} without a database. */
public final class InMemoryChatStore implements ChatStore {
    private final List<ChatTurn> turns = new ArrayList<>();

    @Override
    public synchronized void append(ChatTurn turn) {
        turns.add(turn);
    }

    private List<ChatTurn> of(Member player, CharacterId character) {
        return turns.stream().filter(t -> t.player().equals(player) && t.character().equals(character)).toList();
    }

    @Override
    public synchronized List<ChatTurn> recent(Member player, CharacterId character, int count) {
        List<ChatTurn> all = of(player, character);
        return List.copyOf(all.subList(Math.max(0, all.size() - count), all.size()));
    }

    @Override
    public synchronized ChatPage history(Member player, CharacterId character, Optional<PageCursor> cursor,
            int limit) {
        List<ChatTurn> newestFirst = new ArrayList<>(of(player, character));
        Collections.reverse(newestFirst);
        int from = 0;
        if (cursor.isPresent()) {
            from = -1;
            for (int i = 0; i < newestFirst.size(); i++) {
                if (newestFirst.get(i).id().equals(cursor.get().value())) {
                    from = i + 1;
                }
            }
            if (from < 0) {
                throw PageCursor.notA("chat");
            }
        }
        List<ChatTurn> page = newestFirst.subList(from, Math.min(newestFirst.size(), from + limit));
        boolean more = from + limit < newestFirst.size();
        return new ChatPage(page, more ? Optional.of(new PageCursor(page.getLast().id())) : Optional.empty());
    }
}
