package io.herald.adapter.websocket;

import io.herald.application.OrchestrateMessages;
import io.herald.application.port.Clock;
import io.herald.application.port.EventPublisher;
import io.herald.application.spi.PendingEvents;
import io.herald.domain.GameEvent;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's stand-in for EventBridge, durable like it: an event is held in the store ({@link PendingEvents})
 * before the runtime is told it was accepted, then queued here for workers to orchestrate, and released once
 * orchestration has finished with it. So an accepted event survives kill -9: what a dead node held is found by a node
 * that restarts or survives, once it has waited {@code recoverAfter} (orchestration is idempotent, so an event run
 * twice changes nothing). The request that reported the event never waits for the AI.
 */
public final class InProcessEventPublisher implements EventPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessEventPublisher.class);
    private static final int ATTEMPTS = 3;
    private static final int RECOVERED_PER_SCAN = 200;

    private final BlockingQueue<GameEvent> queue;
    private final ExecutorService workers;
    private final ScheduledExecutorService recovery;
    private final OrchestrateMessages orchestrate;
    private final PendingEvents pending;
    private final Clock clock;
    private final Duration recoverAfter;
    /** Events queued or being orchestrated on this node, so a recovery scan does not queue them twice. */
    private final Set<String> here = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean accepting = new AtomicBoolean(true);

    /**
     * @param recoverAfter how long an event may stay held before any node takes it for orphaned; well above the time
     *                     an event normally waits and takes (queue, model budget)
     * @param scanEvery    how often this node looks for orphaned events
     */
    public InProcessEventPublisher(OrchestrateMessages orchestrate, PendingEvents pending, Clock clock, int capacity,
            int workerCount, Duration recoverAfter, Duration scanEvery) {
        this.orchestrate = orchestrate;
        this.pending = pending;
        this.clock = clock;
        this.recoverAfter = recoverAfter;
        this.queue = new ArrayBlockingQueue<>(capacity);
        // Virtual: a worker mostly waits (on the model, or on a store write shared with other workers' events).
        this.workers = Executors.newFixedThreadPool(workerCount, Thread.ofVirtual().name("herald-orchestrator-", 0).factory());
        for (int i = 0; i < workerCount; i++) {
            workers.execute(this::work);
        }
        this.recovery = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("herald-recovery").factory());
        recovery.scheduleWithFixedDelay(this::recoverSafely, scanEvery.toMillis(), scanEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Events accepted on this node and waiting for a worker: the queue depth an operator watches. */
    public int waiting() {
        return queue.size();
    }

    /** Held in the store before this returns: an event the runtime was told is accepted is never only in memory. */
    @Override
    public void publish(GameEvent event) {
        if (!accepting.get()) {
            throw new Unavailable("this node is stopping; send the event to another node or again shortly",
                    Duration.ofSeconds(1), null);
        }
        if (queue.remainingCapacity() == 0) {
            throw new Unavailable("orchestration has " + queue.size() + " events waiting; send this one again shortly",
                    Duration.ofSeconds(1), null);
        }
        try {
            pending.hold(event, clock.now());
        } catch (RuntimeException e) {
            throw new Unavailable("the event could not be kept; send it again shortly", Duration.ofSeconds(1), e);
        }
        // Held: if the queue filled up in between, recovery runs it later, so it is accepted all the same.
        enqueue(event);
    }

    private void enqueue(GameEvent event) {
        String key = keyOf(event);
        if (here.add(key) && !queue.offer(event)) {
            here.remove(key);
        }
    }

    private void work() {
        while (!Thread.currentThread().isInterrupted()) {
            GameEvent event;
            try {
                event = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (event != null) {
                try {
                    handle(event);
                } catch (RuntimeException | Error unexpected) {
                    // Escaping, it would end this worker for good (the pool does not restart the loop).
                    LOG.error("orchestrating {} failed unexpectedly; it stays held and is tried again in {}",
                            event.id(), recoverAfter, unexpected);
                } finally {
                    here.remove(keyOf(event));
                }
            } else if (!accepting.get()) {
                return;
            }
        }
    }

    private void handle(GameEvent event) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                OrchestrateMessages.Outcome outcome = orchestrate.handle(event);
                LOG.debug("{} of session {}: {}", event.id(), event.session(), outcome);
                if (outcome instanceof OrchestrateMessages.InProgressElsewhere) {
                    // Another processor holds it; the event stays held until whoever finishes it is seen to have.
                    return;
                }
                pending.release(event);
                return;
            } catch (RuntimeException e) {
                LOG.warn("orchestrating {} failed (attempt {} of {})", event.id(), attempt, ATTEMPTS, e);
                sleep(Duration.ofMillis(100L * attempt));
            }
        }
        LOG.error("gave up orchestrating {} for now; it stays held and is tried again in {}", event.id(), recoverAfter);
    }

    private void recoverSafely() {
        try {
            recoverOverdue();
        } catch (RuntimeException | Error e) {
            // Anything escaping would cancel the schedule, and with it every later recovery on this node.
            LOG.warn("looking for orphaned events failed; trying again later", e);
        }
    }

    /** Queues what has been held longer than {@code recoverAfter} and is not already here; returns how many. */
    int recoverOverdue() {
        if (!accepting.get()) {
            return 0;
        }
        int queued = 0;
        for (GameEvent event : pending.heldSince(clock.now().minus(recoverAfter), RECOVERED_PER_SCAN)) {
            if (!here.contains(keyOf(event))) {
                LOG.debug("taking over {} of session {}", event.id(), event.session());
                enqueue(event);
                queued++;
            }
        }
        if (queued > 0) {
            LOG.info("recovered {} events accepted but not orchestrated (a node stopped before finishing them)", queued);
        }
        return queued;
    }

    private static String keyOf(GameEvent event) {
        return event.session() + "|" + event.id();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops taking events and finishes the ones already queued (bounded); any it cannot finish stay held in the store,
     * so a restart still orchestrates every event that was accepted.
     */
    public void drain() {
        if (!accepting.getAndSet(false)) {
            return;
        }
        recovery.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("{} events were still queued at shutdown; they stay held for the next start", queue.size());
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
