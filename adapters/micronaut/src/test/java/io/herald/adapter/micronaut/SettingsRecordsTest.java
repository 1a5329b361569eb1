package io.herald.adapter.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.application.RoomRules;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each settings record refuses a bad value with a message naming the property and its environment variable. */
class SettingsRecordsTest {
    private static final Duration DAY = Duration.ofDays(1);

    @Test
    void messages_refuse_a_negative_cooldown_or_position_interval() {
        assertThatThrownBy(() -> new HeraldSettings(Duration.ofSeconds(-1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("herald.messages.cooldown (HERALD_MESSAGES_COOLDOWN) must not be negative, was -1s");
        assertThatThrownBy(() -> new HeraldSettings(Duration.ZERO, Duration.ofMillis(-500)))
                .hasMessage("herald.messages.position-interval (HERALD_MESSAGES_POSITION_INTERVAL) must not be "
                        + "negative, was -0.5s");
        assertThat(new HeraldSettings(Duration.ZERO, Duration.ZERO).cooldown()).as("0s switches it off").isZero();
    }

    @Test
    void rooms_refuse_no_members_a_negative_replay_no_sends_and_no_retention() {
        assertThatThrownBy(() -> new RoomSettings(0, 5, 5, 20, DAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("herald.rooms.max-members (HERALD_ROOMS_MAX_MEMBERS) must be at least 1, was 0");
        assertThatThrownBy(() -> new RoomSettings(1, -1, 5, 20, DAY))
                .hasMessage("herald.rooms.max-replay (HERALD_ROOMS_MAX_REPLAY) must be at least 0, was -1");
        assertThatThrownBy(() -> new RoomSettings(1, 0, 0, 20, DAY))
                .hasMessage("herald.rooms.sends-per-second (HERALD_ROOMS_SENDS_PER_SECOND) must be at least 1, was 0");
        assertThatThrownBy(() -> new RoomSettings(1, 0, 1, 0, DAY))
                .hasMessage("herald.rooms.send-burst (HERALD_ROOMS_SEND_BURST) must be at least 1, was 0");
        assertThatThrownBy(() -> new RoomSettings(1, 0, 1, 1, Duration.ZERO))
                .hasMessage("herald.rooms.retention (HERALD_ROOMS_RETENTION) must be longer than 0s, was 0s");
    }

    @Test
    void chats_and_notifications_are_kept_for_some_time() {
        assertThatThrownBy(() -> new ChatSettings(Duration.ZERO))
                .hasMessage("herald.chat.retention (HERALD_CHAT_RETENTION) must be longer than 0s, was 0s");
        assertThatThrownBy(() -> new NotificationSettings(Duration.ofDays(-30)))
                .hasMessage("herald.notifications.retention (HERALD_NOTIFICATIONS_RETENTION) must be longer than 0s, "
                        + "was -720h");
    }

    @Test
    void connections_need_a_positive_silence_and_cleanup_interval() {
        assertThatThrownBy(() -> new ConnectionSettings(Duration.ZERO, Duration.ZERO, DAY))
                .hasMessage("herald.connections.inactive-after (HERALD_CONNECTIONS_INACTIVE_AFTER) must be longer "
                        + "than 0s, was 0s");
        assertThatThrownBy(() -> new ConnectionSettings(DAY, Duration.ofSeconds(-1), DAY))
                .hasMessageStartingWith("herald.connections.activity-every (HERALD_CONNECTIONS_ACTIVITY_EVERY)");
        assertThatThrownBy(() -> new ConnectionSettings(DAY, Duration.ZERO, Duration.ZERO))
                .hasMessageStartingWith("herald.connections.cleanup-interval (HERALD_CONNECTIONS_CLEANUP_INTERVAL)");
    }

    @Test
    void unset_the_settings_are_the_documented_defaults() {
        try (ApplicationContext context = ApplicationContext.builder().environmentPropertySource(false).start()) {
            assertThat(context.getBean(RoomSettings.class).rules()).isEqualTo(RoomRules.DEFAULTS);
            assertThat(context.getBean(RoomSettings.class).retention()).isEqualTo(Duration.ofDays(30));
            assertThat(context.getBean(HeraldSettings.class))
                    .isEqualTo(new HeraldSettings(Duration.ofSeconds(300), Duration.ofSeconds(5)));
            assertThat(context.getBean(ChatSettings.class).retention()).isEqualTo(Duration.ofDays(90));
            assertThat(context.getBean(NotificationSettings.class).retention()).isEqualTo(Duration.ofDays(30));
            assertThat(context.getBean(ConnectionSettings.class)).isEqualTo(
                    new ConnectionSettings(Duration.ofHours(1), Duration.ofSeconds(60), Duration.ofMinutes(5)));
        }
    }

    @Test
    void a_bad_value_stops_the_context_at_start_not_at_first_use() {
        ApplicationContext context = ApplicationContext.builder().environmentPropertySource(false)
                .properties(Map.of("herald.chat.retention", "0s")).build();

        assertThatThrownBy(context::start).isInstanceOf(BeanInstantiationException.class)
                .hasMessageContaining("herald.chat.retention (HERALD_CHAT_RETENTION) must be longer than 0s, was 0s");
    }
}
