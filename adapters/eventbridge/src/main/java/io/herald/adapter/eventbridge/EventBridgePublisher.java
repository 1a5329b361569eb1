package io.herald.adapter.eventbridge;

import io.herald.application.port.EventPublisher;
import io.herald.domain.EventId;
import io.herald.domain.GameEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Hands recorded game events to EventBridge ({@code PutEvents}, one entry per event) for the rule that routes them to
 * orchestration. An event is accepted or the call throws: entries EventBridge reports failed, and calls that were
 * throttled or met a 5xx, are sent again with backoff within the {@link Budget}; nothing is dropped silently. When the
 * budget is spent on such passing trouble the publish throws {@link EventPublisher.Unavailable} (the runtime is told
 * when to send the event again); a refusal no retry can change is an {@link EventPublishFailedException}.
 */
public final class EventBridgePublisher implements EventPublisher {
    /** PutEvents takes at most this many entries in one call. */
    static final int MAX_ENTRIES_PER_CALL = 10;
    private static final long BASE_BACKOFF_MILLIS = 50;
    private static final long MAX_BACKOFF_MILLIS = 1_000;
    /** The entry errors EventBridge documents as not retryable: sending the same entry again cannot succeed. */
    private static final Set<String> PERMANENT_ENTRY_ERRORS = Set.of("AccessDeniedException",
            "InvalidAccountIdException", "InvalidArgument", "MalformedDetail", "RedactionFailure",
            "NotAuthorizedForSourceException", "NotAuthorizedForDetailTypeException");

    /** Where events go: the bus, and the source a rule matches them by. */
    public record Target(String busName, String source) {
        public Target {
            requireText(busName, "bus name");
            requireText(source, "source");
            // EventBridge refuses custom events under aws.*, and the decoder reads aws.events as the schedule's.
            if (source.startsWith("aws.")) {
                throw new IllegalArgumentException("source must not start with \"aws.\", which AWS reserves: " + source);
            }
        }
    }

    /** How hard one publish tries: at most {@code attempts} calls per batch, and none started after {@code deadline}. */
    public record Budget(int attempts, Duration deadline) {
        private static final Duration SHORTEST_WAIT = Duration.ofSeconds(1);
        private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

        public Budget {
            if (attempts < 1) {
                throw new IllegalArgumentException("publish attempts must be 1 or more");
            }
            Objects.requireNonNull(deadline, "deadline");
            if (deadline.isNegative()) {
                throw new IllegalArgumentException("publish deadline must not be negative");
            }
        }

        /**
         * How long a caller should wait before sending a given-up event again: as long as this publish kept trying
         * (trouble that outlasted the whole budget rarely clears sooner), at least a second and at most a minute.
         */
        public Duration retryAfter() {
            Duration wait = deadline.compareTo(SHORTEST_WAIT) < 0 ? SHORTEST_WAIT : deadline;
            return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
        }
    }

    /** An event on its way: its id names it in a failure. */
    private record Pending(EventId id, PutEventsRequestEntry entry) {
    }

    /** What one PutEvents call left to do. */
    private sealed interface Round {
    }

    private record AllAccepted() implements Round {
    }

    private record SendAgain(List<Pending> pending, String why, Throwable cause) implements Round {
    }

    private final EventBridgeClient client;
    private final Target target;
    private final Budget budget;

    public EventBridgePublisher(EventBridgeClient client, Target target, Budget budget) {
        this.client = Objects.requireNonNull(client, "client");
        this.target = Objects.requireNonNull(target, "target");
        this.budget = Objects.requireNonNull(budget, "budget");
    }

    @Override
    public void publish(GameEvent event) {
        publishAll(List.of(event));
    }

    /** Several events in as few calls as PutEvents allows; every one is accepted, or this throws. */
    public void publishAll(List<GameEvent> events) {
        long giveUpAt = System.nanoTime() + budget.deadline().toNanos();
        List<Pending> all = events.stream().map(event -> new Pending(event.id(), entry(event))).toList();
        for (int from = 0; from < all.size(); from += MAX_ENTRIES_PER_CALL) {
            send(all.subList(from, Math.min(from + MAX_ENTRIES_PER_CALL, all.size())), giveUpAt);
        }
    }

    private PutEventsRequestEntry entry(GameEvent event) {
        return PutEventsRequestEntry.builder()
                .eventBusName(target.busName())
                .source(target.source())
                .detailType(event.type().wireName())
                .time(event.at())
                .detail(EventDetail.toJson(event))
                .build();
    }

    private void send(List<Pending> batch, long giveUpAt) {
        List<Pending> pending = batch;
        for (int attempt = 1; ; attempt++) {
            switch (round(pending)) {
                case AllAccepted accepted -> {
                    return;
                }
                case SendAgain again -> {
                    if (attempt >= budget.attempts() || System.nanoTime() - giveUpAt >= 0) {
                        throw new Unavailable(again.pending().size() + " event(s) not accepted by EventBridge after "
                                + attempt + " attempt(s) within " + budget.deadline() + ": " + again.why(),
                                budget.retryAfter(), again.cause());
                    }
                    pending = again.pending();
                    backOff(attempt, giveUpAt);
                }
            }
        }
    }

    private Round round(List<Pending> pending) {
        PutEventsResponse response;
        try {
            response = client.putEvents(request -> request.entries(pending.stream().map(Pending::entry).toList()));
        } catch (SdkException e) {
            if (!isTransient(e)) {
                throw new EventPublishFailedException("EventBridge refused PutEvents for " + ids(pending) + ": "
                        + e.getMessage(), e);
            }
            return new SendAgain(pending, "PutEvents failed: " + e.getMessage(), e);
        }
        List<Pending> failed = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        boolean permanent = false;
        // Results come in the order of the entries; an entry counts as accepted only when EventBridge gave it an id.
        for (int i = 0; i < pending.size(); i++) {
            PutEventsResultEntry result = i < response.entries().size() ? response.entries().get(i) : null;
            if (result != null && result.errorCode() == null && result.eventId() != null) {
                continue;
            }
            String code = result == null || result.errorCode() == null ? "NoResult" : result.errorCode();
            String message = result == null || result.errorMessage() == null ? "" : " (" + result.errorMessage() + ")";
            failed.add(pending.get(i));
            errors.add(pending.get(i).id() + ": " + code + message);
            permanent |= PERMANENT_ENTRY_ERRORS.contains(code);
        }
        if (permanent) {
            throw new EventPublishFailedException("EventBridge refused entries: " + String.join(", ", errors), null);
        }
        return failed.isEmpty() ? new AllAccepted() : new SendAgain(failed, String.join(", ", errors), null);
    }

    /** Throttling, a 5xx or an I/O failure may pass; anything else (a 4xx) will answer the same way again. */
    private static boolean isTransient(SdkException e) {
        if (e instanceof AwsServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500;
        }
        return e instanceof SdkClientException;
    }

    /** Jittered exponential backoff, never sleeping past the deadline. */
    private void backOff(int attempt, long giveUpAt) {
        long cap = Math.min(MAX_BACKOFF_MILLIS, BASE_BACKOFF_MILLIS << Math.min(attempt - 1, 10));
        long left = TimeUnit.NANOSECONDS.toMillis(giveUpAt - System.nanoTime());
        try {
            Thread.sleep(Math.max(0, Math.min(left, ThreadLocalRandom.current().nextLong(cap / 2, cap + 1))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // Interrupted means this process is stopping: the event was not taken, and another attempt may be.
            throw new Unavailable("interrupted while backing off between PutEvents calls", budget.retryAfter(), e);
        }
    }

    private static String ids(List<Pending> pending) {
        return pending.stream().map(p -> p.id().value()).collect(Collectors.joining(", "));
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
