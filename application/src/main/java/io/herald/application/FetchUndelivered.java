package io.herald.application;

import io.herald.application.port.Clock;
import io.herald.application.port.MessagePage;
import io.herald.application.port.MessageStore;
import io.herald.application.port.PageRequest;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import java.util.Objects;

/** Catch-up: what a reconnecting player is still owed, oldest first, never anything expired. */
public final class FetchUndelivered {
    private final MessageStore store;
    private final Clock clock;

    public FetchUndelivered(MessageStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public record Query(SessionId session, PlayerId player, PageRequest page) {
        public Query {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(player, "player");
            Objects.requireNonNull(page, "page");
        }
    }

    public MessagePage fetch(Query query) {
        return store.undelivered(query.session(), query.player(), clock.now(), query.page());
    }
}
