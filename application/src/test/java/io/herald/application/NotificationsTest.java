package io.herald.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.application.fake.FakeHerald;
import io.herald.application.port.Push;
import io.herald.domain.ConnectionId;
import io.herald.domain.Member;
import io.herald.domain.Notification;
import io.herald.domain.PlayerId;
import io.herald.domain.Priority;
import io.herald.domain.Refusal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotificationsTest {
    private final FakeHerald herald = new FakeHerald();
    private final FakeHerald.TestTeam team = herald.team("Ana", "Ben");
    private final Member ana = new Member(team.session(), team.player(0));
    private final Member ben = new Member(team.session(), team.player(1));
    private final ConnectionId anaPhone = herald.connect(team.session(), team.player(0));
    private final ConnectionId benPhone = herald.connect(team.session(), team.player(1));

    private Notify.Command to(Member recipient, Priority priority, Optional<String> key) {
        return new Notify.Command(recipient, "EXPLORATION_UPDATE", "Sarah found a key", "Under the statue.", priority,
                "{\"item\":\"key\"}", Optional.of("sarah"), key);
    }

    private PlayerNotifications.Listed listedFor(ConnectionId device) {
        return (PlayerNotifications.Listed) herald.playerNotifications.list(new Caller.OnConnection(device), false,
                Optional.empty(), 10);
    }

    @Test
    void a_notification_is_stored_then_pushed_to_its_players_devices_only() {
        Notify.Notified sent = (Notify.Notified) herald.notify.notify(to(ana, Priority.HIGH, Optional.empty()));

        assertThat(sent.repeated()).isFalse();
        assertThat(herald.gateway.pushesTo(anaPhone, Push.NotificationSent.class)).singleElement()
                .satisfies(push -> assertThat(push.notification()).isEqualTo(sent.notification()));
        assertThat(herald.gateway.pushesTo(benPhone, Push.NotificationSent.class)).isEmpty();
        assertThat(herald.notifications.unreadCount(ana)).isEqualTo(1);
        assertThat(listedFor(anaPhone).page().notifications()).containsExactly(sent.notification());
        assertThat(listedFor(benPhone).page().notifications()).isEmpty();
        assertThat(sent.notification().id().value()).startsWith("n" + String.format("%013d",
                herald.clock.now().toEpochMilli()));
    }

    @Test
    void the_same_idempotency_key_stores_and_pushes_once() {
        Notify.Notified first = (Notify.Notified) herald.notify.notify(to(ana, Priority.NORMAL, Optional.of("k1")));
        Notify.Notified again = (Notify.Notified) herald.notify.notify(to(ana, Priority.NORMAL, Optional.of("k1")));

        assertThat(again.repeated()).isTrue();
        assertThat(again.notification()).isEqualTo(first.notification());
        assertThat(herald.gateway.pushesTo(anaPhone, Push.NotificationSent.class)).hasSize(1);
        PlayerNotifications.Listed listed = listedFor(anaPhone);
        assertThat(listed.unread()).isEqualTo(1);
        assertThat(listed.page().notifications()).containsExactly(first.notification());
    }

    @Test
    void a_player_not_in_the_session_gets_nothing_and_bad_fields_are_refused_before_anything_is_stored() {
        Member nobody = new Member(team.session(), new PlayerId("nobody"));
        assertThat(herald.notify.notify(to(nobody, Priority.LOW, Optional.empty())))
                .isEqualTo(new Refused(Refusal.UNKNOWN_PLAYER));
        assertThat(herald.notifications.unreadCount(nobody)).isZero();
        assertThat(herald.notifications.page(nobody, false, Optional.empty(), 10).notifications()).isEmpty();
        assertThatThrownBy(() -> herald.notify.notify(new Notify.Command(ana, "T", "x".repeat(
                Notification.MAX_TITLE_LENGTH + 1), "m", Priority.LOW, "{}", Optional.empty(), Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(herald.notifications.unreadCount(ana)).isZero();
        assertThat(listedFor(anaPhone).page().notifications()).isEmpty();
        assertThat(herald.gateway.pushesTo(anaPhone, Push.NotificationSent.class)).isEmpty();
    }

    @Test
    void a_player_reaches_only_its_own_notifications() {
        Notification anas = ((Notify.Notified) herald.notify.notify(to(ana, Priority.NORMAL, Optional.empty())))
                .notification();

        assertThat(herald.playerNotifications.markRead(new Caller.OnConnection(benPhone), anas.id()))
                .isEqualTo(new Refused(Refusal.NOTIFICATION_NOT_FOUND));
        assertThat(herald.playerNotifications.dismiss(new Caller.OnConnection(anaPhone), anas.id()))
                .isEqualTo(new PlayerNotifications.Updated(anas.id(), true));
        assertThat(herald.playerNotifications.dismiss(new Caller.OnConnection(anaPhone), anas.id()))
                .isEqualTo(new PlayerNotifications.Updated(anas.id(), false));
        assertThat(herald.playerNotifications.list(new Caller.OnConnection(anaPhone), false, Optional.empty(), 10))
                .isInstanceOfSatisfying(PlayerNotifications.Listed.class, listed -> {
                    assertThat(listed.unread()).isZero();
                    assertThat(listed.page().notifications()).singleElement()
                            .satisfies(n -> assertThat(n.isDismissed()).isTrue());
                });
    }

    @Test
    void catch_up_hands_back_the_unread_pressing_ones() {
        herald.notify.notify(to(ana, Priority.LOW, Optional.empty()));
        Notification urgent = ((Notify.Notified) herald.notify.notify(to(ana, Priority.URGENT, Optional.empty())))
                .notification();

        assertThat(herald.playerNotifications.pressing(ana)).containsExactly(urgent);
        herald.playerNotifications.markAllRead(new Caller.WithToken(ana));
        assertThat(herald.playerNotifications.pressing(ana)).isEmpty();
        assertThat(herald.playerNotifications.pressing(ben)).isEmpty();
    }
}
