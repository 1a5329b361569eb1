package io.herald.adapter.openai;

import io.herald.application.port.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling a model that keeps failing: after {@code threshold} failed requests in a row no request is made
 * for {@code openFor}; then exactly one trial request is let through, whose outcome closes or reopens the circuit.
 * Time comes from the {@link Clock} port so the open period is replayable in tests. The threshold is at least 1, as
 * {@link OpenAiSettings} checks where it is configured.
 */
final class CircuitBreaker {
    private final int threshold;
    private final Duration openFor;
    private final Clock clock;
    private State state = new Closed(0);

    CircuitBreaker(int threshold, Duration openFor, Clock clock) {
        this.threshold = threshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    private sealed interface State {
    }

    private record Closed(int failuresInARow) implements State {
    }

    private record Open(Instant until) implements State {
    }

    /** The trial is out; a trial whose caller never reported back is replaced after another open period. */
    private record HalfOpen(Instant trialStarted) implements State {
    }

    /** Whether a request may be made now; every {@code true} must be followed by one success or failure report. */
    synchronized boolean tryAcquire() {
        Instant now = clock.now();
        return switch (state) {
            case Closed closed -> true;
            case Open open when now.isBefore(open.until()) -> false;
            case HalfOpen trial when now.isBefore(trial.trialStarted().plus(openFor)) -> false;
            case Open open -> startTrial(now);
            case HalfOpen staleTrial -> startTrial(now);
        };
    }

    synchronized void onSuccess() {
        state = new Closed(0);
    }

    synchronized void onFailure() {
        Instant now = clock.now();
        state = switch (state) {
            case Closed closed when closed.failuresInARow() + 1 >= threshold -> new Open(now.plus(openFor));
            case Closed closed -> new Closed(closed.failuresInARow() + 1);
            case HalfOpen trial -> new Open(now.plus(openFor));
            case Open open -> open;
        };
    }

    private boolean startTrial(Instant now) {
        state = new HalfOpen(now);
        return true;
    }
}
