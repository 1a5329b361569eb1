package io.herald.adapter.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A bad {@code herald.websocket.*}, {@code herald.rosters.*} or {@code herald.events.*} value is refused, named. */
class WebSocketSettingsTest {

    @Test
    void a_device_may_queue_at_least_a_byte_and_a_close_waits_no_negative_time() {
        assertThatThrownBy(() -> new SocketLimits(0, Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("herald.websocket.max-queued-bytes (HERALD_WEBSOCKET_MAX_QUEUED_BYTES) must be at least 1, "
                        + "was 0");
        assertThatThrownBy(() -> new SocketLimits(1, Duration.ofMillis(-1)))
                .hasMessage("herald.websocket.close-grace (HERALD_WEBSOCKET_CLOSE_GRACE) must not be negative, "
                        + "was -0.001s");
    }

    @Test
    void the_roster_cache_holds_a_session_for_some_time() {
        assertThatThrownBy(() -> new RosterCacheSettings(0, Duration.ofMinutes(5)))
                .hasMessage("herald.rosters.capacity (HERALD_ROSTERS_CAPACITY) must be at least 1, was 0");
        assertThatThrownBy(() -> new RosterCacheSettings(1, Duration.ZERO))
                .hasMessage("herald.rosters.max-age (HERALD_ROSTERS_MAX_AGE) must be longer than 0s, was 0s");
    }

    @Test
    void the_event_queue_has_room_and_workers_and_takes_over_only_after_more_than_one_scan() {
        Duration twenty = Duration.ofSeconds(20);
        Duration five = Duration.ofSeconds(5);
        assertThatThrownBy(() -> new EventQueueSettings(0, 32, twenty, five))
                .hasMessage("herald.events.queue-capacity (HERALD_EVENTS_QUEUE_CAPACITY) must be at least 1, was 0");
        assertThatThrownBy(() -> new EventQueueSettings(10, 0, twenty, five))
                .hasMessage("herald.events.workers (HERALD_EVENTS_WORKERS) must be at least 1, was 0");
        assertThatThrownBy(() -> new EventQueueSettings(10, 1, five, twenty))
                .hasMessage("herald.events.recover-after (HERALD_EVENTS_RECOVER_AFTER) must be longer than "
                        + "herald.events.recovery-interval, was 5s");
        assertThat(new EventQueueSettings(10, 1, twenty, five).workers()).isEqualTo(1);
    }
}
