package io.herald.loadtest;

import java.util.List;
import java.util.Optional;

/** One page of a room's history, newest first; a cursor means there are older messages to fetch. */
record RoomHistoryPage(List<Frame.RoomMessage> messages, Optional<String> nextCursor) {
    RoomHistoryPage {
        messages = List.copyOf(messages);
    }
}
