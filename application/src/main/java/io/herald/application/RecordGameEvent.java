package io.herald.application;

import io.herald.application.port.Audience;
import io.herald.application.port.EventPublisher;
import io.herald.application.port.Fanout;
import io.herald.application.port.Push;
import io.herald.application.port.SessionDirectory;
import io.herald.domain.EventId;
import io.herald.domain.GameEvent;
import io.herald.domain.ObjectArrive;
import io.herald.domain.PlayerId;
import io.herald.domain.Refusal;
import io.herald.domain.RuntimeDelta;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Takes a game event from the runtime: applies it to the session's progress, sends its deltas to the other
 * players' devices, and hands it on to orchestration. The caller gets the deltas back in its own response.
 */
public final class RecordGameEvent {
    private final SessionDirectory directory;
    private final Fanout fanout;
    private final EventPublisher publisher;

    public RecordGameEvent(SessionDirectory directory, Fanout fanout, EventPublisher publisher) {
        this.directory = directory;
        this.fanout = fanout;
        this.publisher = publisher;
    }

    /** {@code deltas} are the runtime's own; when absent they are derived from the event. */
    public record Command(GameEvent event, Optional<List<RuntimeDelta>> deltas) {
        public Command {
            Objects.requireNonNull(event, "event");
            deltas = deltas.map(List::copyOf);
        }
    }

    public sealed interface Outcome permits Recorded, Refused {
    }

    public record Recorded(EventId eventId, List<RuntimeDelta> deltas, int devicesUpdated) implements Outcome {
    }

    public Outcome record(Command command) {
        GameEvent event = command.event();
        Optional<PlayerId> actor = event.actor();
        // A player of the session proves the session exists; the team is read only to tell which of the two is unknown.
        boolean known = actor.isPresent()
                ? directory.player(event.session(), actor.get()).isPresent()
                : directory.teamOf(event.session()).isPresent();
        if (!known) {
            return new Refused(directory.teamOf(event.session()).isEmpty() ? Refusal.UNKNOWN_SESSION : Refusal.UNKNOWN_PLAYER);
        }
        if (event instanceof ObjectArrive arrive) {
            directory.recordArrival(arrive.session(), arrive.player(), arrive.objectId());
        }
        List<RuntimeDelta> deltas = command.deltas().orElseGet(event::derivedDeltas);
        int updated = deltas.isEmpty() ? 0 : broadcastToOthers(event, actor, deltas);
        publisher.publish(event);
        return new Recorded(event.id(), deltas, updated);
    }

    /** Seed 001: every connection of the session except the sender's; the sender has the deltas in its response. */
    private int broadcastToOthers(GameEvent event, Optional<PlayerId> sender, List<RuntimeDelta> deltas) {
        Audience others = new Audience.Session(event.session(), sender);
        return fanout.send(others, new Push.RuntimeDeltas(event.session(), deltas)).sent();
    }
}
