package io.herald.adapter.openai;

import io.herald.application.port.Clock;
import io.herald.application.spi.CompositionRecorder;
import io.herald.application.port.MessageComposer;
import io.herald.application.retry.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link MessageComposer} on an OpenAI-compatible chat completions endpoint. Failing is normal here: every
 * timeout, reset, 5xx, 429, refusal or unusable reply ends as {@link Composition.Failed} within the event's budget
 * (the use case then sends the fixed text once), every outcome is written to the {@link CompositionRecorder}, and a
 * {@link CircuitBreaker} stops the calls while the endpoint keeps failing.
 */
final class OpenAiComposer implements MessageComposer {
    private static final Logger LOG = LoggerFactory.getLogger(OpenAiComposer.class);
    private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2));
    /** A request started with less time than this left could only time out. */
    private static final Duration SHORTEST_ATTEMPT = Duration.ofMillis(50);

    private final ChatEndpoint endpoint;
    private final SystemPromptSource prompts;
    private final CompositionRecorder recorder;
    private final CircuitBreaker breaker;
    private final Budget budget;
    private final Clock clock;

    /**
     * The time one request may take, and the time all requests, retries and waits of one event may take; both are
     * checked where they are configured ({@link OpenAiSettings}).
     */
    record Budget(Duration perCall, Duration perEvent) {
    }

    OpenAiComposer(ChatEndpoint endpoint, SystemPromptSource prompts, CompositionRecorder recorder,
            CircuitBreaker breaker, Budget budget, Clock clock) {
        this.endpoint = endpoint;
        this.prompts = prompts;
        this.recorder = recorder;
        this.breaker = breaker;
        this.budget = budget;
        this.clock = clock;
    }

    @Override
    public Composition compose(Request request) {
        Instant at = clock.now();
        long started = System.nanoTime();
        Outcome outcome = EventPrompt.forRequest(request)
                .map(userPrompt -> callWithinBudget(prompts.systemPrompt(), userPrompt))
                .orElseGet(() -> new Outcome(new Composition.Failed("periodic checks are not composed"), Usage.NONE));
        record(request, at, Duration.ofNanos(System.nanoTime() - started), outcome);
        return outcome.composition();
    }

    /** What one call came to, and what it cost. */
    record Outcome(Composition composition, Usage usage) {
    }

    /** The model asked within the budget, retries and circuit breaker included; for event messages and chat lines. */
    Outcome callWithinBudget(String systemPrompt, String userPrompt) {
        long deadline = System.nanoTime() + budget.perEvent().toNanos();
        Usage usage = Usage.NONE;
        String lastFailure = "circuit open";
        for (int attempt = 1; ; attempt++) {
            if (!breaker.tryAcquire()) {
                return failed(attempt == 1
                        ? lastFailure
                        : lastFailure + "; circuit opened after " + attempts(attempt - 1), usage);
            }
            // Never zero, which the HTTP client would read as no timeout at all.
            Duration timeout = min(budget.perCall(), max(remaining(deadline), SHORTEST_ATTEMPT));
            switch (sendAndReport(systemPrompt, userPrompt, timeout)) {
                case Attempt.Answered answered -> {
                    return new Outcome(ReplyGuard.check(answered.content(), systemPrompt),
                            usage.plus(answered.usage()));
                }
                case Attempt.Declined declined -> {
                    return failed(declined.reason(), usage.plus(declined.usage()));
                }
                case Attempt.Broken broken -> {
                    return failed(broken.reason(), usage);
                }
                case Attempt.Transient failure -> {
                    Duration wait = failure.retryAfter().orElse(BACKOFF.delay(attempt));
                    if (remaining(deadline).compareTo(wait.plus(SHORTEST_ATTEMPT)) < 0) {
                        return failed(failure.reason() + (failure.retryAfter().isPresent()
                                ? "; retry-after " + wait.toMillis() + " ms is beyond the budget"
                                : "; budget spent") + " after " + attempts(attempt), usage);
                    }
                    if (!sleep(wait)) {
                        return failed(failure.reason() + "; interrupted while waiting to retry", usage);
                    }
                    lastFailure = failure.reason();
                }
            }
        }
    }

    private static String attempts(int count) {
        return count == 1 ? "1 attempt" : count + " attempts";
    }

    /** Reports every acquired permit exactly once, so a trial can never leave the breaker half-open. */
    private Attempt sendAndReport(String systemPrompt, String userPrompt, Duration timeout) {
        Attempt attempt;
        try {
            attempt = endpoint.send(systemPrompt, userPrompt, timeout);
        } catch (RuntimeException e) {
            LOG.warn("unexpected failure of the chat endpoint", e);
            attempt = new Attempt.Broken("unexpected " + e.getClass().getSimpleName());
        }
        switch (attempt) {
            case Attempt.Answered answered -> breaker.onSuccess();
            case Attempt.Declined declined -> breaker.onSuccess();
            case Attempt.Transient failure -> breaker.onFailure();
            case Attempt.Broken broken -> breaker.onFailure();
        }
        return attempt;
    }

    private static Outcome failed(String reason, Usage usage) {
        return new Outcome(new Composition.Failed(reason), usage);
    }

    String modelName() {
        return endpoint.modelName();
    }

    private void record(Request request, Instant at, Duration latency, Outcome outcome) {
        Optional<String> fallbackReason = outcome.composition() instanceof Composition.Failed failed
                ? Optional.of(failed.reason())
                : Optional.empty();
        try {
            recorder.record(new CompositionRecorder.Call(at, request.event().session(), request.event().id(),
                    endpoint.modelName(), outcome.usage().promptTokens(), outcome.usage().completionTokens(), latency,
                    fallbackReason));
        } catch (RuntimeException e) {
            // Statistics must not cost the player the message: the composition stands without its record.
            LOG.warn("could not record the model call for {}", request.event().id(), e);
        }
    }

    private static boolean sleep(Duration wait) {
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
