package io.herald.application.fake;

import io.herald.application.port.ConversationStore;
import io.herald.domain.ConversationLine;
import io.herald.domain.SessionId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Conversation lines in a list: the rules of {@link ConversationStore} without a database. */
public final class InMemoryConversationStore implements ConversationStore {
    private final List<ConversationLine> lines = new ArrayList<>();

    @Override
    public synchronized void append(ConversationLine line) {
        lines.add(line);
    }

    @Override
    public synchronized List<ConversationLine> lines(SessionId session, String conversationId) {
        return lines.stream().filter(l -> l.session().equals(session) && l.conversationId().equals(conversationId))
                .sorted(Comparator.comparingInt(ConversationLine::index)).toList();
    }
}
