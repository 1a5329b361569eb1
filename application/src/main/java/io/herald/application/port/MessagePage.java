package io.herald.application.port;

import io.herald.domain.Message;
import java.util.List;
import java.util.Optional;

/** One page of copies, and the cursor for the next one when there may be more. */
public record MessagePage(List<Message> messages, Optional<PageCursor> nextCursor) {
    public MessagePage {
        messages = List.copyOf(messages);
    }
}
