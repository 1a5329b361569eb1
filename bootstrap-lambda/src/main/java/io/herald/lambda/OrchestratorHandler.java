package io.herald.lambda;

import io.herald.adapter.eventbridge.EventBridgeEvents;
import io.herald.adapter.micronaut.ConnectionSettings;
import io.herald.application.ManageConnections;
import io.herald.application.OrchestrateMessages;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.herald.domain.PeriodicCheck;
import io.herald.domain.SessionId;
import jakarta.inject.Inject;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EventBridge's game events and the 5-minute schedule. It succeeds only when the event is finished (every copy
 * stored, or nothing to say); anything else fails the invocation so EventBridge delivers again, and the claim on the
 * event makes the redelivery finish the work instead of repeating it.
 */
public class OrchestratorHandler extends MicronautRequestHandler<Map<String, Object>, String> {
    /** Kept here: the CRaC context may hold its resources weakly. */
    private final SnapStartPriming snapStart = SnapStartPriming.register(this::prime);

    private static final Logger LOG = LoggerFactory.getLogger(OrchestratorHandler.class);

    @Inject
    OrchestrateMessages orchestrate;

    @Inject
    ManageConnections connections;

    @Inject
    ConnectionSettings connectionSettings;

    public OrchestratorHandler() {
    }

    public OrchestratorHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return LazyStart.builder();
    }

    /**
     * SnapStart priming: decode a scheduled tick, run a periodic check and read one page of connection records (store
     * reads only, nothing written: the tick's cleanup itself is not run, it could close live connections).
     */
    void prime() {
        LazyStart.createSingletons(getApplicationContext());
        EventBridgeEvents.decode(Map.of("version", "0", "id", "snapstart-priming", "detail-type", "Scheduled Event",
                "source", "aws.events", "time", "2026-01-01T00:00:00Z", "region", "us-east-1",
                "resources", java.util.List.of(), "detail", Map.of()));
        orchestrate.handle(new PeriodicCheck(new SessionId("snapstart-priming"), java.time.Instant.now()));
        connections.all(java.util.Optional.empty(), 1);
        LambdaMetrics.forget(getApplicationContext());
    }

    /** Thrown so the invocation fails and EventBridge delivers the event again later. */
    static final class NotFinished extends RuntimeException {
        NotFinished(String message) {
            super(message);
        }
    }

    @Override
    public String execute(Map<String, Object> envelope) {
        try {
            return handle(envelope);
        } finally {
            LambdaMetrics.flush(getApplicationContext());
        }
    }

    private String handle(Map<String, Object> envelope) {
        return switch (EventBridgeEvents.decode(envelope)) {
            case EventBridgeEvents.Game game -> switch (orchestrate.handle(game.event())) {
                case OrchestrateMessages.InProgressElsewhere busy -> throw new NotFinished(
                        busy.event() + " is being processed elsewhere until " + busy.leaseUntil());
                case OrchestrateMessages.Sent sent -> "sent " + sent.message().messageId() + " to "
                        + sent.message().recipients().size() + " players";
                case OrchestrateMessages.Outcome other -> other.toString();
            };
            case EventBridgeEvents.ScheduledTick tick -> {
                ManageConnections.Cleaned cleaned = connections.cleanUp(connectionSettings.inactiveAfter());
                yield "scheduled check at " + tick.at() + ": periodic checks do not speak; connections closed "
                        + cleaned.closed() + ", forgotten " + cleaned.forgotten();
            }
            case EventBridgeEvents.Invalid invalid -> {
                // Redelivering an envelope that can never decode would only burn retries before the dead-letter queue.
                LOG.error("ignored an EventBridge envelope Herald cannot read: {}", invalid.reason());
                yield "ignored: " + invalid.reason();
            }
        };
    }
}
