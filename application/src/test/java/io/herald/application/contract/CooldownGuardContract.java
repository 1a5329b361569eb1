package io.herald.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.application.port.CooldownGuard;
import io.herald.domain.CooldownWindow;
import io.herald.domain.EventId;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What every {@link CooldownGuard} must do, including under a race. */
public abstract class CooldownGuardContract {
    private static final Instant T0 = ContractTime.base();
    private final SessionId session = new SessionId("s-" + UUID.randomUUID());
    private final PlayerId ana = new PlayerId("ana");

    protected abstract CooldownGuard guard();

    private static CooldownWindow window(String event, Instant until) {
        return new CooldownWindow(new EventId(event), until);
    }

    /**
     * The domain declares when a window admits an event ({@link CooldownWindow#admits}); a store decides with its
     * own conditions, so both are asked about the holder and another event just before, at and after the end.
     */
    @Test
    void the_guard_admits_exactly_what_the_domain_window_admits() {
        CooldownWindow open = window("e1", T0.plusSeconds(300));
        int player = 0;
        for (long offset : new long[] {-1, 0, 1}) {
            for (String event : new String[] {"e1", "e2"}) {
                PlayerId someone = new PlayerId("p" + player++);
                guard().tryOpen(session, someone, open, T0);
                Instant now = open.until().plusSeconds(offset);

                boolean admitted = guard().tryOpen(session, someone, window(event, now.plusSeconds(300)), now).isEmpty();

                assertThat(admitted).as("%s at until%+d s", event, offset)
                        .isEqualTo(open.admits(new EventId(event), now));
            }
        }
    }

    @Test
    void a_player_without_a_window_gets_one() {
        assertThat(guard().tryOpen(session, ana, window("e1", T0.plusSeconds(300)), T0)).isEmpty();
    }

    @Test
    void another_event_inside_the_window_is_refused_and_told_which_window_blocks_it() {
        guard().tryOpen(session, ana, window("e1", T0.plusSeconds(300)), T0);

        assertThat(guard().tryOpen(session, ana, window("e2", T0.plusSeconds(400)), T0.plusSeconds(100)))
                .contains(window("e1", T0.plusSeconds(300)));
    }

    @Test
    void the_event_holding_the_window_is_admitted_again() {
        guard().tryOpen(session, ana, window("e1", T0.plusSeconds(300)), T0);

        assertThat(guard().tryOpen(session, ana, window("e1", T0.plusSeconds(310)), T0.plusSeconds(10))).isEmpty();
    }

    @Test
    void once_the_window_has_run_out_any_event_opens_the_next() {
        guard().tryOpen(session, ana, window("e1", T0.plusSeconds(300)), T0);

        assertThat(guard().tryOpen(session, ana, window("e2", T0.plusSeconds(600)), T0.plusSeconds(300))).isEmpty();
        assertThat(guard().tryOpen(session, ana, window("e3", T0.plusSeconds(900)), T0.plusSeconds(301)))
                .contains(window("e2", T0.plusSeconds(600)));
    }

    @Test
    void a_restart_replaces_whatever_window_was_running() {
        guard().tryOpen(session, ana, window("e1", T0.plusSeconds(300)), T0);

        guard().restart(session, List.of(ana), window("milestone", T0.plusSeconds(500)));

        assertThat(guard().tryOpen(session, ana, window("e2", T0.plusSeconds(900)), T0.plusSeconds(400)))
                .contains(window("milestone", T0.plusSeconds(500)));
    }

    @Test
    void a_restart_for_many_players_starts_the_same_window_for_each_of_them() {
        List<PlayerId> team = IntStream.range(0, 30).mapToObj(i -> new PlayerId("p" + i)).toList();
        guard().tryOpen(session, team.get(7), window("e1", T0.plusSeconds(300)), T0);

        guard().restart(session, team, window("milestone", T0.plusSeconds(500)));

        for (PlayerId player : team) {
            assertThat(guard().tryOpen(session, player, window("e2", T0.plusSeconds(900)), T0.plusSeconds(400)))
                    .contains(window("milestone", T0.plusSeconds(500)));
        }
    }

    @Test
    void windows_are_kept_per_player() {
        guard().tryOpen(session, ana, window("e1", T0.plusSeconds(300)), T0);

        assertThat(guard().tryOpen(session, new PlayerId("ben"), window("e2", T0.plusSeconds(300)), T0)).isEmpty();
    }

    @Test
    void twenty_threads_racing_for_one_player_leave_exactly_one_winner() throws Exception {
        int threads = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<CooldownWindow>>> attempts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String event = "race-" + i;
                attempts.add(pool.submit(() -> {
                    start.await();
                    return guard().tryOpen(session, ana, window(event, T0.plusSeconds(300)), T0);
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Optional<CooldownWindow>> attempt : attempts) {
                winners += attempt.get().isEmpty() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
