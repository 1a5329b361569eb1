package io.herald.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Concurrency is proven with {@link InFlightGate} and by the order of what happened, never by the clock. */
class PacedTest {
    @Test
    void results_come_back_in_step_order_though_later_steps_finish_first() throws Exception {
        CountDownLatch lastDone = new CountDownLatch(1);

        List<String> results = Paced.map(3, Duration.ZERO, 3, k -> {
            if (k == 2) {
                lastDone.countDown();
            } else {
                await(lastDone);
            }
            return "step-" + k;
        });

        assertThat(results).containsExactly("step-0", "step-1", "step-2");
    }

    @Test
    void with_one_in_flight_each_step_starts_after_the_one_before_has_finished() throws Exception {
        List<String> happened = new CopyOnWriteArrayList<>();

        Paced.map(4, Duration.ZERO, 1, k -> {
            happened.add("start " + k);
            happened.add("end " + k);
            return k;
        });

        assertThat(happened).containsExactly("start 0", "end 0", "start 1", "end 1", "start 2", "end 2",
                "start 3", "end 3");
    }

    @Test
    void back_to_back_steps_run_exactly_as_many_at_once_as_allowed() throws Exception {
        InFlightGate gate = new InFlightGate();
        gate.holdUntil(4);

        List<Integer> results = Paced.map(12, Duration.ZERO, 4, k -> through(gate, k));

        assertThat(gate.most()).isEqualTo(4);
        assertThat(results).hasSize(12);
    }

    @Test
    void paced_steps_still_overlap_while_earlier_ones_are_unanswered() throws Exception {
        InFlightGate gate = new InFlightGate();
        gate.holdUntil(3);

        Paced.map(6, Duration.ofMillis(5), 3, k -> through(gate, k));

        assertThat(gate.most()).isEqualTo(3);
    }

    private static int through(InFlightGate gate, int k) {
        try {
            gate.enter();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            gate.leave();
        }
        return k;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
