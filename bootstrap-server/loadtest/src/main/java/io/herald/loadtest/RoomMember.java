package io.herald.loadtest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One member of one room over its connections (a second one after it comes back): books every room_message it
 * receives in its own log and in its room's book, answers the scenario's subscriptions and sends, and hands every
 * other frame to the run's {@link Troubles}. Frames of one connection come one after another on a callback thread.
 */
final class RoomMember implements ArrivalListener {
    /** A send the server answered: its room_sent and how long that took from the moment the frame was queued. */
    record Answered(Frame.RoomSent answer, long roundTripNanos) {}

    private final int room;
    private final int seat;
    private final RegisteredPlayer player;
    private final int node;
    private final RoomBook book;
    private final MemberLog log;
    private final Troubles troubles;
    private final NodeTally tally;
    private final List<PlayerSession> connections = new CopyOnWriteArrayList<>();
    private final Map<String, CompletableFuture<Arrival>> pendingSends = new ConcurrentHashMap<>();
    private volatile PlayerSession current;
    private volatile CompletableFuture<Arrival> subscription = new CompletableFuture<>();
    private volatile boolean firstSubscription = true;
    private volatile boolean away;

    RoomMember(int room, int seat, RegisteredPlayer player, int node, RoomBook book, MemberLog log, Troubles troubles,
            NodeTally tally) {
        this.room = room;
        this.seat = seat;
        this.player = player;
        this.node = node;
        this.book = book;
        this.log = log;
        this.troubles = troubles;
        this.tally = tally;
    }

    int room() {
        return room;
    }

    int seat() {
        return seat;
    }

    int node() {
        return node;
    }

    RegisteredPlayer player() {
        return player;
    }

    String name() {
        return player.playerName();
    }

    MemberLog log() {
        return log;
    }

    /** Every connection this member opened, the closed ones too. */
    List<PlayerSession> connections() {
        return List.copyOf(connections);
    }

    Optional<PlayerSession> current() {
        return Optional.ofNullable(current);
    }

    /** Left on purpose and not back yet: owed nothing live meanwhile. */
    boolean away() {
        return away;
    }

    /** Opens a socket on {@code server}; a handshake that outlives {@code timeout} leaves nothing open. */
    void connect(ServerUnderTest server, int connectionId, Duration timeout) throws Exception {
        CompletableFuture<PlayerSession> opening = server.open(connectionId, player, this);
        PlayerSession session;
        try {
            session = opening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            opening.thenAccept(PlayerSession::close);
            throw new TimeoutException("WebSocket handshake not done within " + timeout.toMillis() + " ms");
        }
        connections.add(session);
        current = session;
        // Whatever the connection still owed an answer will never get one: fail it now rather than at the timeout.
        session.ended().thenAccept(reason -> {
            if (current == session) {
                failPending("connection ended: " + reason);
            }
        });
    }

    /**
     * Sends room_subscribe (with {@code since}, what came after it is replayed first) and waits for room_subscribed.
     * Returns the answer as it arrived, stamped.
     */
    Arrival subscribe(Optional<SeenPosition> since, Duration timeout) throws Exception {
        CompletableFuture<Arrival> answer = new CompletableFuture<>();
        subscription = answer;
        if (since.isPresent()) {
            log.beginReplay();
        }
        requireConnection().subscribeRoom(book.roomId(), since);
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new TimeoutException("no room_subscribed within " + timeout.toMillis() + " ms");
        }
    }

    /**
     * Says {@code clientMessageId} in the room (the text is the id, so every copy names its send) and waits for
     * room_sent. The send is booked before it leaves, as live copies may arrive before the answer. An error frame
     * naming the send is thrown as a {@link ServerRefusal}.
     */
    Answered send(String clientMessageId, RoomBook.Phase phase, Duration timeout) throws Exception {
        PlayerSession connection = requireConnection();
        CompletableFuture<Arrival> answer = new CompletableFuture<>();
        pendingSends.put(clientMessageId, answer);
        long sent = System.nanoTime();
        book.sent(clientMessageId, phase, sent);
        connection.sendToRoom(book.roomId(), clientMessageId, clientMessageId);
        try {
            Arrival arrival = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Answered((Frame.RoomSent) arrival.frame(), arrival.atNanos() - sent);
        } catch (ExecutionException e) {
            // A refusal stays a ServerRefusal, so the sender can tell "the server said no" from "no answer".
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            pendingSends.remove(clientMessageId);
            throw new TimeoutException("no room_sent for " + clientMessageId + " within " + timeout.toMillis()
                    + " ms");
        }
    }

    /** Closes the socket normally and waits for it to end; the member is away until it connects again. */
    void leave(Duration timeout) throws Exception {
        PlayerSession connection = requireConnection();
        away = true;
        connection.close();
        try {
            connection.ended().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new TimeoutException("close not finished within " + timeout.toMillis() + " ms");
        }
    }

    /** Back after {@link #leave}: from now on live copies are owed again. */
    void back() {
        away = false;
    }

    @Override
    public void onArrival(Arrival arrival) {
        switch (arrival.frame()) {
            case Frame.RoomMessage message -> {
                long firstOffsetOfId = book.received(message);
                log.receive(message, firstOffsetOfId, arrival.atNanos());
                tally.count(node, 1, arrival.atNanos());
            }
            case Frame.RoomSubscribed answer -> {
                // The replay is over before the answer is handed to the waiting thread: what follows is live.
                log.endReplay();
                if (firstSubscription) {
                    log.subscribed(answer.offset(), answer.epoch());
                    firstSubscription = false;
                }
                book.subscribed(answer);
                subscription.complete(arrival);
            }
            case Frame.RoomSent answer -> {
                book.answered(answer);
                CompletableFuture<Arrival> waiting = answer.clientMessageId() == null ? null
                        : pendingSends.remove(answer.clientMessageId());
                if (waiting != null) {
                    waiting.complete(arrival);
                }
            }
            case Frame.ServerError error -> {
                troubles.onOtherFrame(arrival);
                refuse(error);
            }
            default -> troubles.onOtherFrame(arrival);
        }
    }

    /** An error naming a send refuses that send; one naming the subscription (or nothing, while one waits) it. */
    private void refuse(Frame.ServerError error) {
        String reason = error.code() + " " + error.message();
        Optional<String> ref = error.refText();
        if (ref.isPresent() && !ref.get().equals(WireFrames.SUBSCRIBE_REF)) {
            book.refused(ref.get(), reason);
            CompletableFuture<Arrival> waiting = pendingSends.remove(ref.get());
            if (waiting != null) {
                waiting.completeExceptionally(new ServerRefusal("room_send refused: " + reason));
            }
            return;
        }
        subscription.completeExceptionally(new ServerRefusal("room_subscribe refused: " + reason));
    }

    private void failPending(String reason) {
        subscription.completeExceptionally(new IllegalStateException(reason));
        pendingSends.forEach((id, waiting) -> waiting.completeExceptionally(new IllegalStateException(reason)));
        pendingSends.clear();
    }

    private PlayerSession requireConnection() {
        PlayerSession connection = current;
        if (connection == null || !connection.isOpen()) {
            throw new IllegalStateException(name() + " has no open connection");
        }
        return connection;
    }
}
