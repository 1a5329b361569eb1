package io.herald.loadtest;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** One player's side of the protocol over one connection, free of WebSocket types so tests drive it with strings. */
final class PlayerSession {
    private final int connectionId;
    private final Registration player;
    private final Outbox outbox;
    private final ArrivalListener listener;
    private final Clock clock;
    private final CompletableFuture<Void> joined = new CompletableFuture<>();
    private final AtomicReference<String> closedBecause = new AtomicReference<>();
    private final AtomicBoolean closingByUs = new AtomicBoolean();

    PlayerSession(int connectionId, Registration player, Outbox outbox, ArrivalListener listener, Clock clock) {
        this.connectionId = connectionId;
        this.player = player;
        this.outbox = outbox;
        this.listener = listener;
        this.clock = clock;
    }

    Registration player() {
        return player;
    }

    /** Sends {@code join_session}; the future completes when the server confirms it. */
    CompletableFuture<Void> start() {
        outbox.send(Frames.joinSession(player.sessionId(), player.playerId()));
        return joined;
    }

    void onText(String text, long atNanos) {
        Frame frame = Frames.parse(text);
        switch (frame) {
            case Frame.Joined ignored -> joined.complete(null);
            // The ack is what a real client sends; without it the server would keep the message undelivered.
            case Frame.AiMessage message ->
                    outbox.send(Frames.delivered(message.sessionId(), message.sk(), clock.instant()));
            case Frame.ServerError error when !joined.isDone() -> joined.completeExceptionally(
                    new IllegalStateException("join refused: " + error.code() + " " + error.message()));
            default -> {
                // Every other frame only matters to the scenario, which sees it below.
            }
        }
        listener.onArrival(new Arrival(connectionId, player, frame, atNanos));
    }

    void ping() {
        outbox.send(Frames.ping());
    }

    /** The transport reports the end of the connection, whoever ended it. */
    void onClosed(String reason) {
        closedBecause.compareAndSet(null, reason);
        joined.completeExceptionally(new IllegalStateException("connection ended before joined: " + reason));
    }

    void close() {
        if (closingByUs.compareAndSet(false, true)) {
            outbox.close();
        }
    }

    boolean isOpen() {
        return closedBecause.get() == null;
    }

    /** Ended without this tool asking: what a hold or a delivery test counts as a drop. */
    boolean dropped() {
        return !isOpen() && !closingByUs.get();
    }

    String closedBecause() {
        return closedBecause.get();
    }
}
