package io.herald.adapter.websocket;

import io.herald.application.CachedSessionDirectory;
import io.herald.application.port.Clock;
import io.herald.application.port.RosterChanges;
import io.herald.application.port.SessionDirectory;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * A server node lives for hours and serves the same sessions over and over, so it keeps teams and rosters in
 * memory ({@link CachedSessionDirectory}) in front of whichever store the directory is. The Lambda shape has no
 * such node and reads the store each time.
 */
@Singleton
final class RosterCaching implements BeanCreatedEventListener<SessionDirectory> {
    private final BeanProvider<RosterChanges> changes;
    private final BeanProvider<Clock> clock;
    private final RosterCacheSettings settings;

    RosterCaching(BeanProvider<RosterChanges> changes, BeanProvider<Clock> clock, RosterCacheSettings settings) {
        this.changes = changes;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public SessionDirectory onCreated(BeanCreatedEvent<SessionDirectory> event) {
        SessionDirectory store = event.getBean();
        if (store instanceof CachedSessionDirectory) {
            return store;
        }
        return CachedSessionDirectory.over(store, changes.get(), clock.get(), settings.capacity(), settings.maxAge());
    }
}
