package io.herald.loadtest;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Brings back a player whose connection ended without this tool asking, as a game client would: a new socket on
 * the next surviving node (the same node if it still answers) after a short backoff, with a few retries; join
 * again; then catch up on what the server stored meanwhile, following cursors and acking each message delivered.
 */
final class Reconnector {
    private static final int ATTEMPTS = 5;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration POLL = Duration.ofMillis(20);
    private static final int KEPT_FAILURES = 100;

    private final Nodes nodes;
    private final Outage outage;
    private final ArrivalListener listener;
    private final MessageAudit messages;
    private final AtomicInteger connectionIds;
    private final Duration joinTimeout;
    private final Semaphore permits;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger reconnected = new AtomicInteger();
    private final AtomicInteger caughtUp = new AtomicInteger();
    private final AtomicInteger catchUpPages = new AtomicInteger();
    private final AtomicInteger failureCount = new AtomicInteger();
    private final List<String> failures = new ArrayList<>();

    /** New connections take ids from {@code connectionIds}, after those of the first connections. */
    Reconnector(Nodes nodes, Outage outage, ArrivalListener listener, MessageAudit messages,
            AtomicInteger connectionIds, Duration joinTimeout, int concurrency) {
        this.nodes = nodes;
        this.outage = outage;
        this.listener = listener;
        this.messages = messages;
        this.connectionIds = connectionIds;
        this.joinTimeout = joinTimeout;
        this.permits = new Semaphore(concurrency);
    }

    /** Reacts to the end of {@code session}, the connection {@code member} uses now. */
    void watch(ClusterPlayer member, PlayerSession session) {
        session.ended().thenRun(() -> Thread.ofVirtual().start(() -> onEnded(member, session)));
    }

    /** Moves every player still on {@code deadNode} off it, whether or not its socket has noticed yet. */
    void evacuate(int deadNode, List<ClusterPlayer> members) {
        for (ClusterPlayer member : members) {
            PlayerSession current = member.current();
            if (current.node() == deadNode) {
                move(member, current);
            }
        }
    }

    /** From now on nothing is reconnected: the run is closing its connections on purpose. */
    void stop() {
        stopped.set(true);
    }

    /** Waits until no reconnection is under way or the deadline passes; returns whether all are done. */
    boolean awaitIdle(long deadlineNanos) throws InterruptedException {
        while (inFlight.get() > 0 && System.nanoTime() < deadlineNanos) {
            Thread.sleep(POLL);
        }
        return inFlight.get() == 0;
    }

    int reconnected() {
        return reconnected.get();
    }

    /** Messages catch-up returned, counting any it returned again. */
    int caughtUp() {
        return caughtUp.get();
    }

    int catchUpPages() {
        return catchUpPages.get();
    }

    /** Players that could not reconnect or catch up. */
    int failureCount() {
        return failureCount.get();
    }

    /** The first reasons of {@link #failureCount()}. */
    synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    private void onEnded(ClusterPlayer member, PlayerSession session) {
        if (stopped.get() || !session.dropped() || member.current() != session) {
            return;
        }
        try {
            // A drop is a reason to look. If the node died, everybody on it moves; if it still answers, the drop
            // is a failure the scenario reports, and the player comes back to the same node.
            outage.confirm(session.node());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        move(member, session);
    }

    private void move(ClusterPlayer member, PlayerSession from) {
        if (stopped.get() || member.current() != from || !member.startMoving()) {
            return;
        }
        inFlight.incrementAndGet();
        Thread.ofVirtual().start(() -> {
            try {
                permits.acquire();
                try {
                    if (member.current() == from) {
                        replace(member, from);
                    }
                } finally {
                    permits.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                member.doneMoving();
                inFlight.decrementAndGet();
            }
        });
    }

    private void replace(ClusterPlayer member, PlayerSession from) throws InterruptedException {
        if (from.isOpen()) {
            from.abandon("node" + from.node() + " died");
        }
        String lastFailure = "not tried";
        for (int attempt = 0; attempt < ATTEMPTS && !stopped.get(); attempt++) {
            Thread.sleep(FIRST_BACKOFF.multipliedBy(1L << attempt));
            int target = outage.isDead(from.node()) ? outage.survivorAfter(from.node()) : from.node();
            switch (StepResult.of(() -> Connector.connect(nodes.get(target), connectionIds.getAndIncrement(),
                    member.player(), listener, joinTimeout))) {
                case StepResult.Done<PlayerSession> done -> {
                    member.moveTo(done.value());
                    reconnected.incrementAndGet();
                    watch(member, done.value());
                    catchUp(member, done.value());
                    return;
                }
                case StepResult.Failed<PlayerSession> failed -> lastFailure = "node" + target + ": " + failed.reason();
            }
        }
        keep(failures, failureCount, member.player().playerName() + " could not reconnect after " + ATTEMPTS
                + " attempts, last: " + lastFailure);
    }

    /**
     * Only after the join: a message stored before the catch-up query is in its answer, one stored after it is
     * pushed to the joined connection, so nothing falls between the two.
     */
    private void catchUp(ClusterPlayer member, PlayerSession session) throws InterruptedException {
        RegisteredPlayer player = member.player();
        try {
            CatchUp.Fetched fetched = CatchUp.fetch(nodes.get(session.node()), player);
            catchUpPages.addAndGet(fetched.pages());
            for (Frame.AiMessage message : fetched.messages()) {
                messages.receiveCaughtUp(player.playerId(), player.sessionId(), message);
                session.acknowledge(message.sessionId() == null ? player.sessionId() : message.sessionId(),
                        message.sk());
                caughtUp.incrementAndGet();
            }
        } catch (IOException e) {
            keep(failures, failureCount, player.playerName() + " could not catch up on node" + session.node() + ": "
                    + Failures.describe(e));
        }
    }

    private synchronized void keep(List<String> list, AtomicInteger count, String entry) {
        count.incrementAndGet();
        if (list.size() < KEPT_FAILURES) {
            list.add(entry);
        }
    }
}
