package io.herald.application;

import io.herald.application.port.Clock;
import io.herald.application.port.MessagePage;
import io.herald.application.port.MessageStore;
import io.herald.application.port.Metrics;
import io.herald.application.port.PageRequest;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Catch-up: what a reconnecting player is still owed, oldest first, never anything expired. */
public final class FetchUndelivered {
    private final MessageStore store;
    private final Clock clock;
    private final Metrics metrics;

    /** For a core that reports no metrics (tests, tools). */
    public FetchUndelivered(MessageStore store, Clock clock) {
        this(store, clock, Metrics.NONE);
    }

    public FetchUndelivered(MessageStore store, Clock clock, Metrics metrics) {
        this.store = store;
        this.clock = clock;
        this.metrics = metrics;
    }

    public record Query(SessionId session, PlayerId player, PageRequest page) {
        public Query {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(player, "player");
            Objects.requireNonNull(page, "page");
        }
    }

    public MessagePage fetch(Query query) {
        Instant now = clock.now();
        MessagePage page = store.undelivered(query.session(), query.player(), now, query.page());
        metrics.caughtUp(page.messages().size(), Duration.between(now, clock.now()));
        return page;
    }
}
