package io.herald.application;

import io.herald.application.port.Audience;
import io.herald.application.port.Clock;
import io.herald.application.port.Fanout;
import io.herald.application.port.IdGenerator;
import io.herald.application.port.NotificationStore;
import io.herald.application.port.Push;
import io.herald.application.port.SessionDirectory;
import io.herald.domain.Member;
import io.herald.domain.Notification;
import io.herald.domain.NotificationId;
import io.herald.domain.Priority;
import io.herald.domain.Refusal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends a player a notification (seed 003), for the game's backend or for orchestration: stored first, then pushed to
 * every device of the player as a {@code notification} frame. Under an idempotency key the same notification is
 * stored and pushed once, however often it is sent.
 */
public final class Notify {
    private final NotificationStore store;
    private final SessionDirectory directory;
    private final Fanout fanout;
    private final IdGenerator ids;
    private final Clock clock;

    public Notify(NotificationStore store, SessionDirectory directory, Fanout fanout, IdGenerator ids, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.fanout = fanout;
        this.ids = ids;
        this.clock = clock;
    }

    public record Command(Member recipient, String type, String title, String message, Priority priority,
            String metadata, Optional<String> fromCharacter, Optional<String> idempotencyKey) {
        public Command {
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(priority, "priority");
            Objects.requireNonNull(fromCharacter, "fromCharacter");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        }
    }

    public sealed interface Outcome permits Notified, Refused {
    }

    public record Notified(Notification notification, boolean repeated) implements Outcome {
    }

    /** @throws IllegalArgumentException when a field breaks the rules of {@link Notification} (the edge's 400) */
    public Outcome notify(Command command) {
        if (directory.player(command.recipient().session(), command.recipient().player()).isEmpty()) {
            return new Refused(Refusal.UNKNOWN_PLAYER);
        }
        Instant now = clock.now();
        NotificationId id = new NotificationId("n" + String.format("%013d", now.toEpochMilli()) + "-"
                + ids.newMessageId().value());
        Notification notification = new Notification(id, command.recipient(), command.type(), command.title(),
                command.message(), command.priority(), command.metadata(), command.fromCharacter(), now,
                Optional.empty(), Optional.empty());
        return switch (store.save(notification, command.idempotencyKey())) {
            case NotificationStore.Saved.Stored stored -> {
                fanout.send(Audience.player(command.recipient().session(), command.recipient().player()),
                        new Push.NotificationSent(stored.notification()));
                yield new Notified(stored.notification(), false);
            }
            case NotificationStore.Saved.Repeated repeated -> new Notified(repeated.original(), true);
        };
    }
}
