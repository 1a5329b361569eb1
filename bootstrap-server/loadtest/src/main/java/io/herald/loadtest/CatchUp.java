package io.herald.loadtest;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Everything the server still owes one player, page after page, each page retried a few times with a backoff. */
final class CatchUp {
    private static final int ATTEMPTS = 5;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final int MAX_PAGES = 10_000;

    /** The messages and how many pages it took. */
    record Fetched(List<Frame.AiMessage> messages, int pages) {
        Fetched {
            messages = List.copyOf(messages);
        }
    }

    private CatchUp() {}

    /** Follows {@code nextCursor} to the end; a cursor seen twice ends it too, so a faulty server cannot loop us. */
    static Fetched fetch(ServerUnderTest server, RegisteredPlayer player) throws IOException, InterruptedException {
        List<Frame.AiMessage> messages = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        Set<String> seen = new HashSet<>();
        int pages = 0;
        do {
            CatchUpPage page = page(server, player, cursor);
            messages.addAll(page.messages());
            cursor = page.nextCursor();
            pages++;
        } while (cursor.isPresent() && seen.add(cursor.get()) && pages < MAX_PAGES);
        return new Fetched(messages, pages);
    }

    private static CatchUpPage page(ServerUnderTest server, RegisteredPlayer player, Optional<String> cursor)
            throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return server.undelivered(player, cursor);
            } catch (IOException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                Thread.sleep(FIRST_BACKOFF.multipliedBy(1L << (attempt - 1)));
            }
        }
    }
}
