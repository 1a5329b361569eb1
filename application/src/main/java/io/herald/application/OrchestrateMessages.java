package io.herald.application;

import io.herald.application.port.Audience;
import io.herald.application.port.Clock;
import io.herald.application.port.CooldownEffect;
import io.herald.application.port.CooldownGuard;
import io.herald.application.port.EventClaim;
import io.herald.application.port.Fanout;
import io.herald.application.port.IdGenerator;
import io.herald.application.port.MessageComposer;
import io.herald.application.port.MessageStore;
import io.herald.application.port.Metrics;
import io.herald.application.port.Push;
import io.herald.application.port.Reach;
import io.herald.application.port.SessionDirectory;
import io.herald.application.port.Settlement;
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
 *
 * <p>Two ways through the store. A composer that costs nothing composes first, and claim, cooldown and copies go
 * to the store as one atomic write. A model is paid per call, so its event is claimed first (a duplicate never
 * reaches the model), then the cooldown is checked, then the composed copies and the claim's end are one write.
 */
public final class OrchestrateMessages {
    private static final System.Logger LOG = System.getLogger(OrchestrateMessages.class.getName());

    private final SessionDirectory directory;
    private final MessageStore store;
    private final CooldownGuard cooldown;
    private final CooldownPolicy policy;
    private final MessageComposer composer;
    private final Fanout fanout;
    private final Clock clock;
    private final IdGenerator ids;
    private final Metrics metrics;

    /** For a core that reports no metrics (tests, tools). */
    public OrchestrateMessages(SessionDirectory directory, MessageStore store, CooldownGuard cooldown,
            CooldownPolicy policy, MessageComposer composer, Fanout fanout, Clock clock, IdGenerator ids) {
        this(directory, store, cooldown, policy, composer, fanout, clock, ids, Metrics.NONE);
    }

    public OrchestrateMessages(SessionDirectory directory, MessageStore store, CooldownGuard cooldown,
            CooldownPolicy policy, MessageComposer composer, Fanout fanout, Clock clock, IdGenerator ids,
            Metrics metrics) {
        this.directory = directory;
        this.store = store;
        this.cooldown = cooldown;
        this.policy = policy;
        this.composer = composer;
        this.fanout = fanout;
        this.clock = clock;
        this.ids = ids;
        this.metrics = metrics;
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
        Outcome outcome = decideAndSpeak(event);
        measure(outcome);
        return outcome;
    }

    private void measure(Outcome outcome) {
        switch (outcome) {
            case Sent sent -> {
                metrics.orchestrated("sent", sent.composedByFallback());
                if (sent.message().type() == MessageType.BROADCAST) {
                    metrics.broadcastCopies(sent.message().recipients().size());
                }
            }
            case Silent silent -> metrics.orchestrated("silent", false);
            case CoolingDown held -> metrics.orchestrated("cooling_down", false);
            case Duplicate duplicate -> {
                metrics.orchestrated("duplicate", false);
                metrics.duplicateSuppressed("event");
            }
            case InProgressElsewhere elsewhere -> metrics.orchestrated("in_progress_elsewhere", false);
        }
    }

    private Outcome decideAndSpeak(GameEvent event) {
        List<SessionPlayer> roster = directory.roster(event.session());
        Set<PlayerId> arrived = event instanceof ObjectArrive arrive
                ? directory.arrivals(arrive.session(), arrive.objectId())
                : Set.of();
        Decision decision = MessagePolicy.decide(event, roster, arrived);
        return switch (decision) {
            case Decision.Silence silence -> new Silent(silence.reason());
            case Decision.Individual individual -> speak(new Speech(individual.event(), MessageType.INDIVIDUAL,
                    List.of(individual.recipient()), roster));
            case Decision.Broadcast broadcast -> speak(new Speech(broadcast.milestone(), MessageType.BROADCAST,
                    broadcast.recipients(), roster));
        };
    }

    /** What was decided: who hears about which event, and who else is in the session for the composer's context. */
    private record Speech(GameEvent trigger, MessageType type, List<PlayerId> recipients, List<SessionPlayer> roster) {
        List<SessionPlayer> readers() {
            return roster.stream().filter(p -> recipients.contains(p.id())).toList();
        }
    }

    private Outcome speak(Speech speech) {
        return composer.isInstant() ? composeThenSettle(speech) : claimThenCompose(speech);
    }

    private Outcome composeThenSettle(Speech speech) {
        Instant now = clock.now();
        Composed composed = compose(speech, now);
        return switch (store.settle(composed.message(), effectOf(speech, now), now)) {
            case Settlement.Stored stored -> push(stored.message(), composed.fallback());
            case Settlement.AlreadyDone done -> new Duplicate(done.event());
            case Settlement.CoolingDown blocked -> new CoolingDown(speech.recipients().getFirst(), blocked.blocking().until());
            case Settlement.NotInOneStep longWay -> claimThenCompose(speech);
        };
    }

    private Outcome claimThenCompose(Speech speech) {
        Instant now = clock.now();
        return switch (store.claim(speech.trigger().session(), speech.trigger().id(), now)) {
            case EventClaim.AlreadyDone done -> new Duplicate(done.event());
            case EventClaim.HeldElsewhere held -> new InProgressElsewhere(held.event(), held.leaseUntil());
            case EventClaim.Granted claim when claim.resumed() -> storeAndPush(claim, claim.pending().orElseThrow(), false);
            case EventClaim.Granted claim -> holdToCooldownThenSend(claim, speech, now);
        };
    }

    private Outcome holdToCooldownThenSend(EventClaim.Granted claim, Speech speech, Instant now) {
        Optional<CoolingDown> held = holdBack(claim, speech, now);
        if (held.isPresent()) {
            return held.get();
        }
        Composed composed = compose(speech, now);
        return storeAndPush(claim, composed.message(), composed.fallback());
    }

    /**
     * Applies the cooldown before anything is composed; an event a window blocks is finished without a message. With
     * the cooldown off nothing opens a window, so events racing on one player cannot block each other.
     */
    private Optional<CoolingDown> holdBack(EventClaim.Granted claim, Speech speech, Instant now) {
        return switch (effectOf(speech, now)) {
            case CooldownEffect.None none -> Optional.empty();
            case CooldownEffect.Open open -> cooldown.tryOpen(speech.trigger().session(), open.player(), open.window(), now)
                    .map(blocking -> {
                        store.finishWithoutMessage(claim);
                        return new CoolingDown(open.player(), blocking.until());
                    });
            case CooldownEffect.Restart restart -> {
                cooldown.restart(speech.trigger().session(), restart.players(), restart.window());
                yield Optional.empty();
            }
        };
    }

    private CooldownEffect effectOf(Speech speech, Instant now) {
        if (policy.isOff()) {
            return new CooldownEffect.None();
        }
        CooldownWindow window = policy.openFor(speech.trigger().id(), now);
        return speech.type() == MessageType.INDIVIDUAL
                ? new CooldownEffect.Open(speech.recipients().getFirst(), window)
                : new CooldownEffect.Restart(speech.recipients(), window);
    }

    private record Composed(OutgoingMessage message, boolean fallback) {
    }

    private Composed compose(Speech speech, Instant now) {
        Optional<String> text = compose(new MessageComposer.Request(speech.trigger(), speech.type(), speech.readers()));
        OutgoingMessage message = new OutgoingMessage(ids.newMessageId(), speech.type(), speech.trigger().session(),
                speech.recipients(), Sender.AI, text.orElseGet(() -> FallbackText.forEvent(speech.trigger())),
                Trigger.of(speech.trigger()), now);
        return new Composed(message, text.isEmpty());
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
        return push(message, fallback);
    }

    /** Only after every copy is stored: a push that goes nowhere leaves the copy owed to catch-up. */
    private Outcome push(OutgoingMessage message, boolean fallback) {
        Instant now = clock.now();
        Reach reach = Reach.NONE;
        for (Message copy : message.fanOut()) {
            if (!copy.isExpiredAt(now)) {
                reach = reach.plus(fanout.send(Audience.player(copy.session(), copy.recipient()), new Push.AiMessage(copy)));
            }
        }
        return new Sent(message, fallback, reach.sent(), reach.gone(), reach.failed());
    }
}
