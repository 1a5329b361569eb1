package io.herald.loadtest;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** One player's side of the protocol over one connection, free of WebSocket types so tests drive it with strings. */
final class PlayerSession {
    private static final long NOT_YET = Long.MIN_VALUE;

    private final int connectionId;
    private final int node;
    private final RegisteredPlayer player;
    private final Outbox outbox;
    private final ArrivalListener listener;
    private final Clock clock;
    private final CompletableFuture<Void> joined = new CompletableFuture<>();
    private final CompletableFuture<String> ended = new CompletableFuture<>();
    private final AtomicReference<String> closedBecause = new AtomicReference<>();
    private final AtomicBoolean closingByUs = new AtomicBoolean();
    private final AtomicLong joinedAtNanos = new AtomicLong(NOT_YET);
    private final AtomicLong endedAtNanos = new AtomicLong(NOT_YET);

    PlayerSession(int connectionId, int node, RegisteredPlayer player, Outbox outbox, ArrivalListener listener,
            Clock clock) {
        this.connectionId = connectionId;
        this.node = node;
        this.player = player;
        this.outbox = outbox;
        this.listener = listener;
        this.clock = clock;
    }

    RegisteredPlayer player() {
        return player;
    }

    int connectionId() {
        return connectionId;
    }

    /** The server node this connection is on. */
    int node() {
        return node;
    }

    /** Sends {@code join_session}; the future completes when the server confirms it. */
    CompletableFuture<Void> start() {
        outbox.send(WireFrames.joinSession(player.sessionId(), player.playerId()));
        return joined;
    }

    void onText(String text, long atNanos) {
        Frame frame = WireFrames.parse(text);
        switch (frame) {
            case Frame.Joined ignored -> {
                joinedAtNanos.compareAndSet(NOT_YET, atNanos);
                joined.complete(null);
            }
            // The ack is what a real client sends; without it the server would keep the message undelivered.
            case Frame.AiMessage message -> acknowledge(message.sessionId(), message.sk());
            case Frame.ServerError error when !joined.isDone() -> joined.completeExceptionally(
                    new IllegalStateException("join refused: " + error.code() + " " + error.message()));
            default -> {
                // Every other frame only matters to the scenario, which sees it below.
            }
        }
        listener.onArrival(new Arrival(connectionId, node, player, frame, atNanos));
    }

    /** Tells the server this player has the message, as for a push: catch-up needs the same ack. */
    void acknowledge(String sessionId, String sk) {
        outbox.send(WireFrames.delivered(sessionId, sk, clock.instant()));
    }

    /** Follows a room (no join_session is needed for rooms); {@code since} asks for what came after it first. */
    void subscribeRoom(String roomId, Optional<SeenPosition> since) {
        outbox.send(WireFrames.roomSubscribe(roomId, since));
    }

    void sendToRoom(String roomId, String text, String clientMessageId) {
        outbox.send(WireFrames.roomSend(roomId, text, clientMessageId));
    }

    void ping() {
        outbox.send(WireFrames.ping());
    }

    /** The transport reports the end of the connection, whoever ended it. */
    void onClosed(String reason) {
        if (closedBecause.compareAndSet(null, reason)) {
            endedAtNanos.set(System.nanoTime());
        }
        joined.completeExceptionally(new IllegalStateException("connection ended before joined: " + reason));
        ended.complete(closedBecause.get());
    }

    void close() {
        if (closingByUs.compareAndSet(false, true)) {
            outbox.close();
        }
    }

    /**
     * Gives up on a connection whose node no longer answers: it is cut at once and ended now, not when a close
     * handshake that will never come times out. It does not count as a drop: the node's death is reported instead.
     */
    void abandon(String reason) {
        if (isOpen()) {
            closingByUs.set(true);
        }
        outbox.abort();
        onClosed(reason);
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

    /** Completes with the reason once the connection has ended, whoever ended it. */
    CompletableFuture<String> ended() {
        return ended;
    }

    /** When the server confirmed the join, as the arrival time of {@code joined}; empty if it never did. */
    OptionalLong joinedAtNanos() {
        long at = joinedAtNanos.get();
        return at == NOT_YET ? OptionalLong.empty() : OptionalLong.of(at);
    }

    /** When this tool learnt the connection had ended; empty while it is open. */
    OptionalLong endedAtNanos() {
        long at = endedAtNanos.get();
        return at == NOT_YET ? OptionalLong.empty() : OptionalLong.of(at);
    }
}
