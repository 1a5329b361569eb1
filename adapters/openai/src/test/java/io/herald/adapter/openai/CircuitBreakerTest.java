package io.herald.adapter.openai;

import static io.herald.adapter.openai.ComposerFixture.anaCompletes;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.adapter.openai.FakeOpenAi.Reply;
import io.herald.application.fake.FakeHerald;
import io.herald.application.fake.ManualClock;
import io.herald.application.port.MessageComposer;
import io.herald.application.port.MessageComposer.Composition;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    private static final Duration OPEN_FOR = Duration.ofSeconds(30);

    private final ManualClock clock = new ManualClock(FakeHerald.START);
    private final CircuitBreaker breaker = new CircuitBreaker(3, OPEN_FOR, clock);

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            assertThat(breaker.tryAcquire()).isTrue();
            breaker.onFailure();
        }
    }

    @Test
    void fewer_failures_in_a_row_than_the_threshold_keep_it_closed() {
        fail(2);
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onSuccess();
        fail(2);

        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void the_threshold_of_failures_in_a_row_opens_it_for_the_open_period() {
        fail(3);

        assertThat(breaker.tryAcquire()).isFalse();
        clock.advance(OPEN_FOR.minusMillis(1));
        assertThat(breaker.tryAcquire()).isFalse();
    }

    @Test
    void after_the_open_period_exactly_one_trial_is_let_through() {
        fail(3);
        clock.advance(OPEN_FOR);

        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.tryAcquire()).isFalse();
        assertThat(breaker.tryAcquire()).isFalse();
    }

    @Test
    void a_successful_trial_closes_it() {
        fail(3);
        clock.advance(OPEN_FOR);
        assertThat(breaker.tryAcquire()).isTrue();

        breaker.onSuccess();

        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void a_failed_trial_opens_it_again_for_a_whole_period() {
        fail(3);
        clock.advance(OPEN_FOR);
        assertThat(breaker.tryAcquire()).isTrue();

        breaker.onFailure();

        assertThat(breaker.tryAcquire()).isFalse();
        clock.advance(OPEN_FOR.minusMillis(1));
        assertThat(breaker.tryAcquire()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void a_trial_that_never_reports_back_is_replaced_after_another_period() {
        fail(3);
        clock.advance(OPEN_FOR);
        assertThat(breaker.tryAcquire()).isTrue();

        clock.advance(OPEN_FOR);

        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void callers_racing_for_the_trial_get_one_between_them() throws Exception {
        fail(3);
        clock.advance(OPEN_FOR);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Boolean> acquire = () -> {
            start.await();
            return breaker.tryAcquire();
        };
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Boolean>> results = IntStream.range(0, 8).mapToObj(i -> pool.submit(acquire)).toList();
            start.countDown();

            assertThat(results.stream().filter(CircuitBreakerTest::granted).count()).isEqualTo(1);
        }
    }

    @Test
    void the_composer_stops_calling_while_the_circuit_is_open_and_sends_one_trial_after() {
        try (ComposerFixture fixture = new ComposerFixture()) {
            fixture.settings.setBreakerThreshold(3);
            fixture.settings.setBreakerOpenFor(OPEN_FOR);
            fixture.server.otherwise(request -> Reply.error(503, "server_error").withHeader("retry-after-ms", "1"));
            MessageComposer composer = fixture.composer();

            Composition first = composer.compose(anaCompletes("node-1"));
            assertThat(first).isEqualTo(new Composition.Failed("server error (503); circuit opened after 3 attempts"));
            assertThat(fixture.server.requests()).hasSize(3);

            Composition whileOpen = composer.compose(anaCompletes("node-2"));
            assertThat(whileOpen).isEqualTo(new Composition.Failed("circuit open"));
            assertThat(fixture.server.requests()).hasSize(3);

            fixture.clock.advance(OPEN_FOR);
            Composition failedTrial = composer.compose(anaCompletes("node-3"));
            assertThat(failedTrial)
                    .isEqualTo(new Composition.Failed("server error (503); circuit opened after 1 attempt"));
            assertThat(fixture.server.requests()).hasSize(4);

            fixture.clock.advance(OPEN_FOR);
            fixture.server.otherwise(request -> Reply.completion("We're back!"));
            assertThat(composer.compose(anaCompletes("node-4"))).isEqualTo(new Composition.Text("We're back!"));
            assertThat(composer.compose(anaCompletes("node-5"))).isEqualTo(new Composition.Text("We're back!"));
            assertThat(fixture.server.requests()).hasSize(6);
            assertThat(fixture.recorder.calls()).extracting(call -> call.fallbackReason().orElse("ok"))
                    .containsExactly("server error (503); circuit opened after 3 attempts", "circuit open",
                            "server error (503); circuit opened after 1 attempt", "ok", "ok");
        }
    }

    private static boolean granted(Future<Boolean> result) {
        try {
            return result.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
