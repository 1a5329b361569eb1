package io.herald.application.port;

import io.herald.domain.ConversationLine;
import io.herald.domain.SessionId;
import java.util.List;

/** Conversations between characters, line by line, kept with their session. */
public interface ConversationStore {

    void append(ConversationLine line);

    /** Every line of one conversation, in order; empty for one that does not exist. */
    List<ConversationLine> lines(SessionId session, String conversationId);
}
