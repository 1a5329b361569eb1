package io.herald.application.port;

import io.herald.domain.Member;
import io.herald.domain.Notification;
import io.herald.domain.NotificationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Each player's notifications of record, kept for a retention period, newest first. */
public interface NotificationStore {

    /**
     * Stores a notification. With an idempotency key, a second one under the same key for the same player stores
     * nothing and answers with the first.
     */
    Saved save(Notification notification, Optional<String> idempotencyKey);

    /**
     * Newest first, all or only the unread (not read, not dismissed); {@code cursor} continues a previous page.
     *
     * @throws PageCursor.Invalid for a cursor this store did not give out
     */
    NotificationPage page(Member recipient, boolean unreadOnly, Optional<PageCursor> cursor, int limit);

    /** Unread notifications, by the store's count (what a badge shows). */
    long unreadCount(Member recipient);

    /** The unread high and urgent ones, newest first: what catch-up hands a player coming back. */
    List<Notification> pressing(Member recipient, int limit);

    Marked markRead(Member recipient, NotificationId id, Instant at);

    /** Dismissed is also read. */
    Marked dismiss(Member recipient, NotificationId id, Instant at);

    /** Marks every unread one read; answers how many it marked. */
    int markAllRead(Member recipient, Instant at);

    sealed interface Saved {
        record Stored(Notification notification) implements Saved {
        }

        record Repeated(Notification original) implements Saved {
        }
    }

    enum Marked {
        MARKED,
        UNCHANGED,
        NOT_FOUND
    }

    record NotificationPage(List<Notification> notifications, Optional<PageCursor> next) {
        public NotificationPage {
            notifications = List.copyOf(notifications);
        }
    }
}
