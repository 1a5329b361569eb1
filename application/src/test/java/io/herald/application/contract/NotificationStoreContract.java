package io.herald.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.application.port.NotificationStore.Marked;
import io.herald.application.port.PageCursor;
import io.herald.application.port.NotificationStore;
import io.herald.domain.Member;
import io.herald.domain.Notification;
import io.herald.domain.NotificationId;
import io.herald.domain.PlayerId;
import io.herald.domain.Priority;
import io.herald.domain.SessionId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link NotificationStore} keeps: newest first, unread counts, marks that only move forward, one per key. */
public abstract class NotificationStoreContract {
    private static final Instant T0 = ContractTime.base();
    private final SessionId session = new SessionId("s-" + UUID.randomUUID());
    private final Member ana = new Member(session, new PlayerId("ana"));
    private final Member ben = new Member(session, new PlayerId("ben"));
    private int made;

    protected abstract NotificationStore store();

    private Notification notification(Member to, Priority priority) {
        Instant at = T0.plusMillis(made++);
        return new Notification(new NotificationId("n" + String.format("%013d", at.toEpochMilli()) + "-" + made), to,
                "EXPLORATION_UPDATE", "Sarah found something", "A brass key, under the statue.", priority,
                "{\"item\":\"brass-key\"}", Optional.of("sarah"), at, Optional.empty(), Optional.empty());
    }

    private Notification saved(Member to, Priority priority) {
        Notification n = notification(to, priority);
        assertThat(store().save(n, Optional.empty())).isEqualTo(new NotificationStore.Saved.Stored(n));
        return n;
    }

    @Test
    void pages_come_newest_first_and_a_cursor_goes_on_where_the_last_page_ended() {
        List<Notification> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(saved(ana, Priority.NORMAL));
        }
        saved(ben, Priority.NORMAL);

        NotificationStore.NotificationPage first = store().page(ana, false, Optional.empty(), 3);
        NotificationStore.NotificationPage second = store().page(ana, false, first.next(), 3);

        assertThat(first.notifications()).containsExactly(sent.get(4), sent.get(3), sent.get(2));
        assertThat(second.notifications()).containsExactly(sent.get(1), sent.get(0));
        assertThat(second.next()).isEmpty();
        assertThat(first.notifications().getFirst().metadata()).isEqualTo("{\"item\":\"brass-key\"}");
        assertThat(first.notifications().getFirst().fromCharacter()).contains("sarah");
    }

    @Test
    void read_and_dismissed_ones_leave_the_unread_list_and_count_and_marking_twice_changes_nothing() {
        Notification first = saved(ana, Priority.NORMAL);
        Notification second = saved(ana, Priority.HIGH);
        Notification third = saved(ana, Priority.LOW);

        assertThat(store().markRead(ana, first.id(), T0.plusSeconds(1))).isEqualTo(Marked.MARKED);
        assertThat(store().markRead(ana, first.id(), T0.plusSeconds(2))).isEqualTo(Marked.UNCHANGED);
        assertThat(store().dismiss(ana, second.id(), T0.plusSeconds(3))).isEqualTo(Marked.MARKED);
        assertThat(store().dismiss(ana, second.id(), T0.plusSeconds(4))).isEqualTo(Marked.UNCHANGED);

        assertThat(store().unreadCount(ana)).isEqualTo(1);
        assertThat(store().dismiss(ana, first.id(), T0.plusSeconds(5))).as("a read one can still be dismissed")
                .isEqualTo(Marked.MARKED);
        assertThat(store().unreadCount(ana)).as("without being counted down twice").isEqualTo(1);
        assertThat(store().page(ana, true, Optional.empty(), 10).notifications()).extracting(Notification::id)
                .containsExactly(third.id());
        Notification dismissed = store().page(ana, false, Optional.empty(), 10).notifications().get(1);
        assertThat(dismissed.dismissedAt()).isPresent();
        assertThat(dismissed.readAt()).as("dismissed is read too").isPresent();
    }

    @Test
    void another_players_notification_is_not_found() {
        Notification bens = saved(ben, Priority.NORMAL);

        assertThat(store().markRead(ana, bens.id(), T0)).isEqualTo(Marked.NOT_FOUND);
        assertThat(store().dismiss(ana, bens.id(), T0)).isEqualTo(Marked.NOT_FOUND);
        assertThat(store().unreadCount(ben)).isEqualTo(1);
    }

    @Test
    void marking_all_read_marks_each_unread_once() {
        saved(ana, Priority.NORMAL);
        Notification read = saved(ana, Priority.NORMAL);
        saved(ana, Priority.URGENT);
        store().markRead(ana, read.id(), T0);

        assertThat(store().markAllRead(ana, T0.plusSeconds(1))).isEqualTo(2);
        assertThat(store().unreadCount(ana)).isZero();
        assertThat(store().markAllRead(ana, T0.plusSeconds(2))).isZero();
    }

    @Test
    void pressing_ones_are_the_unread_high_and_urgent_newest_first() {
        saved(ana, Priority.LOW);
        Notification high = saved(ana, Priority.HIGH);
        Notification urgent = saved(ana, Priority.URGENT);
        Notification readUrgent = saved(ana, Priority.URGENT);
        store().markRead(ana, readUrgent.id(), T0);

        assertThat(store().pressing(ana, 10)).extracting(Notification::id).containsExactly(urgent.id(), high.id());
        assertThat(store().pressing(ana, 1)).extracting(Notification::id).containsExactly(urgent.id());
    }

    @Test
    void one_idempotency_key_stores_one_notification_per_player() {
        Notification first = notification(ana, Priority.NORMAL);
        Notification retry = notification(ana, Priority.NORMAL);

        store().save(first, Optional.of("quest-42"));
        NotificationStore.Saved again = store().save(retry, Optional.of("quest-42"));
        NotificationStore.Saved forBen = store().save(notification(ben, Priority.NORMAL), Optional.of("quest-42"));

        assertThat(again).isEqualTo(new NotificationStore.Saved.Repeated(first));
        assertThat(forBen).isInstanceOf(NotificationStore.Saved.Stored.class);
        assertThat(store().unreadCount(ana)).isEqualTo(1);
    }

    @Test
    void a_cursor_the_store_never_gave_is_refused() {
        assertThatThrownBy(() -> store().page(ana, false, Optional.of(new PageCursor("not-a-cursor")), 5))
                .isInstanceOf(PageCursor.Invalid.class);
        assertThatThrownBy(() -> store().page(ana, true, Optional.of(new PageCursor("not-a-cursor")), 5))
                .isInstanceOf(PageCursor.Invalid.class);
    }
}
