package io.herald.adapter.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.application.fake.FakeHerald;
import io.herald.application.fake.InMemoryPendingEvents;
import io.herald.application.port.EventPublisher;
import io.herald.application.spi.PendingEvents;
import io.herald.domain.GameEvent;
import io.herald.domain.NodeComplete;
import io.herald.domain.NodeId;
import io.herald.domain.PlayerId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InProcessEventPublisherTest {
    private static final Duration RECOVER_AFTER = Duration.ofSeconds(20);
    private static final Duration NEVER_BY_ITSELF = Duration.ofHours(1);

    private final FakeHerald herald = new FakeHerald();
    private final FakeHerald.TestTeam team = herald.team("Ana");
    private final PlayerId ana = team.player(0);
    private final InMemoryPendingEvents pending = new InMemoryPendingEvents();
    private InProcessEventPublisher publisher;

    @AfterEach
    void stop() {
        if (publisher != null) {
            publisher.drain();
        }
    }

    private InProcessEventPublisher publisher(PendingEvents store, int capacity, int workers) {
        publisher = new InProcessEventPublisher(herald.orchestrate, store, herald.clock, capacity, workers, RECOVER_AFTER,
                NEVER_BY_ITSELF);
        return publisher;
    }

    private NodeComplete event(String node) {
        return new NodeComplete(team.session(), ana, new NodeId(node), herald.clock.now());
    }

    private List<GameEvent> stillHeld() {
        return pending.heldSince(Instant.MAX, 100);
    }

    @Test
    void an_accepted_event_is_held_until_orchestration_has_stored_its_message_then_released() {
        publisher(pending, 10, 2).publish(event("node-1"));

        await(() -> herald.store.copyCount() == 1 && stillHeld().isEmpty(), "stored and released");
    }

    @Test
    void an_event_held_by_a_node_that_died_is_orchestrated_once_it_is_overdue() {
        NodeComplete orphan = event("node-1");
        pending.hold(orphan, herald.clock.now());
        InProcessEventPublisher survivor = publisher(pending, 10, 2);

        assertThat(survivor.recoverOverdue()).as("not overdue yet").isZero();
        herald.clock.advance(RECOVER_AFTER.plusSeconds(1));
        assertThat(survivor.recoverOverdue()).isEqualTo(1);

        await(() -> herald.store.copyCount() == 1 && stillHeld().isEmpty(), "recovered, stored and released");
    }

    @Test
    void an_event_that_cannot_be_kept_is_refused_and_nothing_is_orchestrated() {
        PendingEvents broken = new PendingEvents() {
            @Override
            public void hold(GameEvent event, Instant acceptedAt) {
                throw new IllegalStateException("store down");
            }

            @Override
            public void release(GameEvent event) {
            }

            @Override
            public List<GameEvent> heldSince(Instant acceptedBefore, int limit) {
                return List.of();
            }
        };

        assertThatThrownBy(() -> publisher(broken, 10, 1).publish(event("node-1")))
                .isInstanceOf(EventPublisher.Unavailable.class)
                .satisfies(e -> assertThat(((EventPublisher.Unavailable) e).retryAfter()).isPositive());
        sleep(300);
        assertThat(herald.store.copyCount()).isZero();
    }

    @Test
    void a_stopping_node_refuses_new_events_and_what_it_did_not_finish_stays_held() {
        InProcessEventPublisher stopping = publisher(pending, 10, 1);
        stopping.drain();

        assertThatThrownBy(() -> stopping.publish(event("node-1"))).isInstanceOf(EventPublisher.Unavailable.class);
        assertThat(stillHeld()).isEmpty();
    }

    @Test
    void an_orchestration_that_crashed_leaves_the_event_held_for_a_later_try() {
        InMemoryPendingEvents flaky = new InMemoryPendingEvents();
        FakeHerald failing = new FakeHerald();
        FakeHerald.TestTeam solo = failing.team("Dee");
        failing.store.interruptNextSave();
        NodeComplete event = new NodeComplete(solo.session(), solo.player(0), new NodeId("node-1"), failing.clock.now());
        publisher = new InProcessEventPublisher(failing.orchestrate, flaky, failing.clock, 10, 1, RECOVER_AFTER,
                NEVER_BY_ITSELF);

        publisher.publish(event);

        sleep(1_000);
        assertThat(flaky.heldSince(Instant.MAX, 10)).as("the claim of the crashed save still runs, so it stays held")
                .containsExactly(event);
    }

    @Test
    void a_scan_that_failed_with_an_error_does_not_end_recovery() {
        AtomicBoolean failOnce = new AtomicBoolean(true);
        PendingEvents scanBreaksOnce = new DelegatingPendingEvents(pending) {
            @Override
            public List<GameEvent> heldSince(Instant acceptedBefore, int limit) {
                if (failOnce.getAndSet(false)) {
                    throw new AssertionError("a library bug, not a store failure");
                }
                return super.heldSince(acceptedBefore, limit);
            }
        };
        pending.hold(event("node-1"), herald.clock.now());
        herald.clock.advance(RECOVER_AFTER.plusSeconds(1));

        publisher = new InProcessEventPublisher(herald.orchestrate, scanBreaksOnce, herald.clock, 10, 1, RECOVER_AFTER,
                Duration.ofMillis(20));

        await(() -> herald.store.copyCount() == 1 && stillHeld().isEmpty(), "recovered by a later scan");
        assertThat(failOnce).as("the first scan did fail").isFalse();
    }

    @Test
    void a_worker_that_met_an_error_goes_on_with_the_next_event() {
        AtomicBoolean failOnce = new AtomicBoolean(true);
        PendingEvents releaseBreaksOnce = new DelegatingPendingEvents(pending) {
            @Override
            public void release(GameEvent event) {
                if (failOnce.getAndSet(false)) {
                    throw new AssertionError("a library bug, not a store failure");
                }
                super.release(event);
            }
        };
        InProcessEventPublisher single = publisher(releaseBreaksOnce, 10, 1);
        NodeComplete first = event("node-1");

        single.publish(first);
        await(() -> !failOnce.get(), "the first release failed");
        herald.clock.advance(Duration.ofHours(1)); // past the first message's cooldown
        single.publish(event("node-2"));

        await(() -> herald.store.copyCount() == 2, "the only worker orchestrated the second event too");
        await(() -> stillHeld().equals(List.of(first)), "only the event whose release failed still held");
    }

    /** Passes every call to the held events it wraps; a test overrides the one it breaks. */
    private static class DelegatingPendingEvents implements PendingEvents {
        private final PendingEvents delegate;

        DelegatingPendingEvents(PendingEvents delegate) {
            this.delegate = delegate;
        }

        @Override
        public void hold(GameEvent event, Instant acceptedAt) {
            delegate.hold(event, acceptedAt);
        }

        @Override
        public void release(GameEvent event) {
            delegate.release(event);
        }

        @Override
        public List<GameEvent> heldSince(Instant acceptedBefore, int limit) {
            return delegate.heldSince(acceptedBefore, limit);
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            sleep(10);
        }
        throw new AssertionError("never happened: " + what);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
