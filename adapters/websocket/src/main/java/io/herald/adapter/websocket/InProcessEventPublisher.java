package io.herald.adapter.websocket;

import io.herald.application.OrchestrateMessages;
import io.herald.application.port.EventPublisher;
import io.herald.domain.GameEvent;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's stand-in for EventBridge: recorded events go to a bounded queue that workers hand to orchestration,
 * so the request that reported the event never waits for the AI. Many workers let concurrent events share one
 * store write (the store commits concurrent transactions together). A full queue refuses the event
 * (the runtime gets 503 and retries; orchestration is idempotent), and a failed attempt is retried a few times.
 */
public final class InProcessEventPublisher implements EventPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessEventPublisher.class);
    private static final int ATTEMPTS = 3;

    private final BlockingQueue<GameEvent> queue;
    private final ExecutorService workers;
    private final OrchestrateMessages orchestrate;
    private final AtomicBoolean accepting = new AtomicBoolean(true);

    public InProcessEventPublisher(OrchestrateMessages orchestrate, int capacity, int workerCount) {
        this.orchestrate = orchestrate;
        this.queue = new ArrayBlockingQueue<>(capacity);
        // Virtual: a worker mostly waits (on the model, or on a store write shared with other workers' events).
        this.workers = Executors.newFixedThreadPool(workerCount, Thread.ofVirtual().name("herald-orchestrator-", 0).factory());
        for (int i = 0; i < workerCount; i++) {
            workers.execute(this::work);
        }
    }

    @Override
    public void publish(GameEvent event) {
        if (!accepting.get()) {
            throw new Unavailable("this node is stopping; send the event to another node or again shortly",
                    Duration.ofSeconds(1), null);
        }
        if (!queue.offer(event)) {
            throw new Unavailable("orchestration has " + queue.size() + " events waiting; send this one again shortly",
                    Duration.ofSeconds(1), null);
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
                handle(event);
            } else if (!accepting.get()) {
                return;
            }
        }
    }

    private void handle(GameEvent event) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                orchestrate.handle(event);
                return;
            } catch (RuntimeException e) {
                LOG.warn("orchestrating {} failed (attempt {} of {})", event.id(), attempt, ATTEMPTS, e);
                sleep(Duration.ofMillis(100L * attempt));
            }
        }
        LOG.error("gave up orchestrating {}; a redelivery of the event will finish it", event.id());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops taking events and finishes the ones already queued (bounded), so a restart loses none that was accepted. */
    public void drain() {
        if (!accepting.getAndSet(false)) {
            return;
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("{} events were still queued at shutdown", queue.size());
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
