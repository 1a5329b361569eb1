package io.herald.application;

import io.herald.application.port.Clock;
import io.herald.application.port.ConnectionRegistry;
import io.herald.application.port.NotificationStore;
import io.herald.application.port.PageCursor;
import io.herald.domain.Member;
import io.herald.domain.Notification;
import io.herald.domain.NotificationId;
import io.herald.domain.Refusal;
import java.util.List;
import java.util.Optional;

/**
 * What a player does with its own notifications: list them (newest first, with the unread count), mark one read,
 * dismiss one, mark all read. A player only ever reaches its own: another's id is simply not found.
 */
public final class PlayerNotifications {
    /** How many pressing ones catch-up hands back at most. */
    public static final int MAX_PRESSING = 50;

    private final NotificationStore store;
    private final ConnectionRegistry connections;
    private final Clock clock;

    public PlayerNotifications(NotificationStore store, ConnectionRegistry connections, Clock clock) {
        this.store = store;
        this.connections = connections;
        this.clock = clock;
    }

    public sealed interface Outcome permits Listed, Updated, AllRead, Refused {
    }

    public record Listed(NotificationStore.NotificationPage page, long unread) implements Outcome {
    }

    /** {@code changed}: false when it was already so (read twice, dismissed twice), which is not an error. */
    public record Updated(NotificationId id, boolean changed) implements Outcome {
    }

    public record AllRead(int marked) implements Outcome {
    }

    public Outcome list(Caller caller, boolean unreadOnly, Optional<PageCursor> cursor, int limit) {
        Optional<Member> member = caller.member(connections);
        if (member.isEmpty()) {
            return new Refused(Refusal.UNKNOWN_CONNECTION);
        }
        return new Listed(store.page(member.get(), unreadOnly, cursor, limit), store.unreadCount(member.get()));
    }

    public Outcome markRead(Caller caller, NotificationId id) {
        return update(caller, id, false);
    }

    public Outcome dismiss(Caller caller, NotificationId id) {
        return update(caller, id, true);
    }

    private Outcome update(Caller caller, NotificationId id, boolean dismiss) {
        Optional<Member> member = caller.member(connections);
        if (member.isEmpty()) {
            return new Refused(Refusal.UNKNOWN_CONNECTION);
        }
        NotificationStore.Marked marked = dismiss
                ? store.dismiss(member.get(), id, clock.now())
                : store.markRead(member.get(), id, clock.now());
        return switch (marked) {
            case MARKED -> new Updated(id, true);
            case UNCHANGED -> new Updated(id, false);
            case NOT_FOUND -> new Refused(Refusal.NOTIFICATION_NOT_FOUND);
        };
    }

    public Outcome markAllRead(Caller caller) {
        Optional<Member> member = caller.member(connections);
        if (member.isEmpty()) {
            return new Refused(Refusal.UNKNOWN_CONNECTION);
        }
        return new AllRead(store.markAllRead(member.get(), clock.now()));
    }

    /** The unread high and urgent notifications a player coming back is handed with its missed messages. */
    public List<Notification> pressing(Member member) {
        return store.pressing(member, MAX_PRESSING);
    }
}
