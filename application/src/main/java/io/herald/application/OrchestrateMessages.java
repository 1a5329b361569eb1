package io.herald.application;

import io.herald.application.port.Clock;
import io.herald.application.port.ConnectionGateway;
import io.herald.application.port.ConnectionRegistry;
import io.herald.application.port.CooldownGuard;
import io.herald.application.port.EventClaim;
import io.herald.application.port.IdGenerator;
import io.herald.application.port.MessageComposer;
import io.herald.application.port.MessageStore;
import io.herald.application.port.Push;
import io.herald.application.port.SessionDirectory;
import io.herald.domain.CooldownPolicy;
import io.herald.domain.CooldownWindow;
import io.herald.domain.Decision;
import io.herald.domain.EventId;
import io.herald.domain.FallbackText;
import io.herald.domain.GameEvent;
import io.herald.domain.Message;
import io.herald.domain.MessagePolicy;
import io.herald.domain.MessageType;
import io.herald.domain.ObjectArrive;
import io.herald.domain.OutgoingMessage;
import io.herald.domain.PlayerId;
import io.herald.domain.Sender;
import io.herald.domain.SessionPlayer;
import io.herald.domain.Trigger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The AI message pipeline for one game event: decide, claim the event, hold to the cooldown, compose (falling
 * back to fixed text), store every copy, and only then push. A crash anywhere leaves the event claimable again
 * and every stored copy owed to catch-up, so no message is lost and none is sent twice.
 */
public final class OrchestrateMessages {
    private static final System.Logger LOG = System.getLogger(OrchestrateMessages.class.getName());

    private final SessionDirectory directory;
    private final MessageStore store;
    private final CooldownGuard cooldown;
    private final CooldownPolicy policy;
    private final MessageComposer composer;
    private final ConnectionRegistry connections;
    private final Pusher pusher;
    private final Clock clock;
    private final IdGenerator ids;

    public OrchestrateMessages(SessionDirectory directory, MessageStore store, CooldownGuard cooldown,
            CooldownPolicy policy, MessageComposer composer, ConnectionRegistry connections,
            ConnectionGateway gateway, Clock clock, IdGenerator ids) {
        this.directory = directory;
        this.store = store;
        this.cooldown = cooldown;
        this.policy = policy;
        this.composer = composer;
        this.connections = connections;
        this.pusher = new Pusher(gateway, connections);
        this.clock = clock;
        this.ids = ids;
    }

    public sealed interface Outcome {
    }

    /** Stored for every recipient, then pushed to whichever of their devices were connected. */
    public record Sent(OutgoingMessage message, boolean composedByFallback, int pushed, int goneConnections,
            int failedPushes) implements Outcome {
    }

    /** The policy decided not to speak. */
    public record Silent(String reason) implements Outcome {
    }

    /** The player heard from the AI too recently; the event is done without a message. */
    public record CoolingDown(PlayerId player, Instant until) implements Outcome {
    }

    /** This event was handled to the end before: nothing written, nothing pushed. */
    public record Duplicate(EventId event) implements Outcome {
    }

    /** Another live processor holds this event; the caller may retry after the lease if it must be sure. */
    public record InProgressElsewhere(EventId event, Instant leaseUntil) implements Outcome {
    }

    public Outcome handle(GameEvent event) {
        List<SessionPlayer> roster = directory.roster(event.session());
        Set<PlayerId> arrived = event instanceof ObjectArrive arrive
                ? directory.arrivals(arrive.session(), arrive.objectId())
                : Set.of();
        Decision decision = MessagePolicy.decide(event, roster, arrived);
        return switch (decision) {
            case Decision.Silence silence -> new Silent(silence.reason());
            case Decision.Individual individual -> speak(individual.event(), MessageType.INDIVIDUAL,
                    List.of(individual.recipient()), roster);
            case Decision.Broadcast broadcast -> speak(broadcast.milestone(), MessageType.BROADCAST,
                    broadcast.recipients(), roster);
        };
    }

    private Outcome speak(GameEvent trigger, MessageType type, List<PlayerId> recipients, List<SessionPlayer> roster) {
        Instant now = clock.now();
        return switch (store.claim(trigger.session(), trigger.id(), now)) {
            case EventClaim.AlreadyDone done -> new Duplicate(done.event());
            case EventClaim.HeldElsewhere held -> new InProgressElsewhere(held.event(), held.leaseUntil());
            case EventClaim.Granted claim when claim.resumed() -> storeAndPush(claim, claim.pending().orElseThrow(), false);
            case EventClaim.Granted claim -> composeAndSend(claim, trigger, type, recipients, roster, now);
        };
    }

    private Outcome composeAndSend(EventClaim.Granted claim, GameEvent trigger, MessageType type,
            List<PlayerId> recipients, List<SessionPlayer> roster, Instant now) {
        CooldownWindow window = policy.openFor(trigger.id(), now);
        if (policy.isOff()) {
            // Nothing to hold back; no window either, so events racing on one player cannot block each other.
        } else if (type == MessageType.INDIVIDUAL) {
            PlayerId player = recipients.getFirst();
            Optional<CooldownWindow> blocking = cooldown.tryOpen(trigger.session(), player, window, now);
            if (blocking.isPresent()) {
                store.finishWithoutMessage(claim);
                return new CoolingDown(player, blocking.get().until());
            }
        } else {
            recipients.forEach(player -> cooldown.restart(trigger.session(), player, window));
        }
        List<SessionPlayer> readers = roster.stream().filter(p -> recipients.contains(p.id())).toList();
        Optional<String> composed = compose(new MessageComposer.Request(trigger, type, readers));
        OutgoingMessage message = new OutgoingMessage(ids.newMessageId(), type, trigger.session(), recipients,
                Sender.AI, composed.orElseGet(() -> FallbackText.forEvent(trigger)), Trigger.of(trigger), now);
        return storeAndPush(claim, message, composed.isEmpty());
    }

    private Optional<String> compose(MessageComposer.Request request) {
        try {
            return switch (composer.compose(request)) {
                case MessageComposer.Composition.Text text when fits(text.content()) -> Optional.of(text.content());
                case MessageComposer.Composition.Text text -> fallback(request, "composed text is empty or too long");
                case MessageComposer.Composition.Failed failed -> fallback(request, failed.reason());
            };
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "composer failed for " + request.event().id(), e);
            return fallback(request, e.toString());
        }
    }

    private static boolean fits(String content) {
        return content != null && !content.isBlank() && content.length() <= Message.MAX_CONTENT_LENGTH;
    }

    private static Optional<String> fallback(MessageComposer.Request request, String reason) {
        LOG.log(System.Logger.Level.INFO, "fallback text for " + request.event().id() + ": " + reason);
        return Optional.empty();
    }

    private Outcome storeAndPush(EventClaim.Granted claim, OutgoingMessage message, boolean fallback) {
        store.save(claim, message);
        Instant now = clock.now();
        Pusher.Tally tally = Pusher.Tally.NONE;
        for (Message copy : message.fanOut()) {
            if (copy.isExpiredAt(now)) {
                continue;
            }
            tally = tally.plus(pusher.pushTo(connections.ofPlayer(copy.session(), copy.recipient()),
                    new Push.AiMessage(copy)));
        }
        return new Sent(message, fallback, tally.sent(), tally.gone(), tally.failed());
    }
}
