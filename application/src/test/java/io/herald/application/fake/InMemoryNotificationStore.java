package io.herald.application.fake;

import io.herald.application.port.NotificationStore;
import io.herald.application.port.PageCursor;
import io.herald.domain.Member;
import io.herald.domain.Notification;
import io.herald.domain.NotificationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Notifications in maps, newest first by id, under one lock: the rules of {@link NotificationStore}. */
public final class InMemoryNotificationStore implements NotificationStore {
    private final Map<Member, TreeMap<String, Notification>> byRecipient = new HashMap<>();
    private final Map<String, NotificationId> byKey = new HashMap<>();

    @Override
    public synchronized Saved save(Notification notification, Optional<String> idempotencyKey) {
        Optional<String> key = idempotencyKey.map(k -> notification.recipient() + "|" + k);
        if (key.isPresent() && byKey.containsKey(key.get())) {
            return new Saved.Repeated(mine(notification.recipient()).get(byKey.get(key.get()).value()));
        }
        mine(notification.recipient()).put(notification.id().value(), notification);
        key.ifPresent(k -> byKey.put(k, notification.id()));
        return new Saved.Stored(notification);
    }

    private TreeMap<String, Notification> mine(Member member) {
        return byRecipient.computeIfAbsent(member, m -> new TreeMap<>(Comparator.reverseOrder()));
    }

    @Override
    public synchronized NotificationPage page(Member recipient, boolean unreadOnly, Optional<PageCursor> cursor,
            int limit) {
        Optional<String> last = cursor.map(PageCursor::value);
        last.ifPresent(c -> {
            if (!c.matches("n\\d{13}-\\S+")) {
                throw PageCursor.notA("notification");
            }
        });
        TreeMap<String, Notification> all = mine(recipient);
        List<Notification> after = new ArrayList<>((last.isPresent() ? all.tailMap(last.get(), false) : all).values()
                .stream().filter(n -> !unreadOnly || !n.isRead()).limit(limit + 1L).toList());
        boolean more = after.size() > limit;
        List<Notification> page = more ? after.subList(0, limit) : after;
        return new NotificationPage(page, more ? Optional.of(new PageCursor(page.getLast().id().value()))
                : Optional.empty());
    }

    @Override
    public synchronized long unreadCount(Member recipient) {
        return mine(recipient).values().stream().filter(n -> !n.isRead()).count();
    }

    @Override
    public synchronized List<Notification> pressing(Member recipient, int limit) {
        return mine(recipient).values().stream().filter(n -> !n.isRead() && n.priority().isPressing()).limit(limit)
                .toList();
    }

    @Override
    public synchronized Marked markRead(Member recipient, NotificationId id, Instant at) {
        Notification n = mine(recipient).get(id.value());
        if (n == null) {
            return Marked.NOT_FOUND;
        }
        if (n.isRead()) {
            return Marked.UNCHANGED;
        }
        mine(recipient).put(id.value(), with(n, Optional.of(at), n.dismissedAt()));
        return Marked.MARKED;
    }

    @Override
    public synchronized Marked dismiss(Member recipient, NotificationId id, Instant at) {
        Notification n = mine(recipient).get(id.value());
        if (n == null) {
            return Marked.NOT_FOUND;
        }
        if (n.isDismissed()) {
            return Marked.UNCHANGED;
        }
        mine(recipient).put(id.value(), with(n, n.readAt().or(() -> Optional.of(at)), Optional.of(at)));
        return Marked.MARKED;
    }

    @Override
    public synchronized int markAllRead(Member recipient, Instant at) {
        int marked = 0;
        for (Notification n : List.copyOf(mine(recipient).values())) {
            if (markRead(recipient, n.id(), at) == Marked.MARKED) {
                marked++;
            }
        }
        return marked;
    }

    private static Notification with(Notification n, Optional<Instant> readAt, Optional<Instant> dismissedAt) {
        return new Notification(n.id(), n.recipient(), n.type(), n.title(), n.message(), n.priority(), n.metadata(),
                n.fromCharacter(), n.createdAt(), readAt, dismissedAt);
    }
}
