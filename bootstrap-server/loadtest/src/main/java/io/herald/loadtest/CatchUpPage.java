package io.herald.loadtest;

import java.util.List;
import java.util.Optional;

/** One page of what the server still owes a player; a cursor means there is more to fetch. */
record CatchUpPage(List<Frame.AiMessage> messages, Optional<String> nextCursor) {
    CatchUpPage {
        messages = List.copyOf(messages);
    }
}
