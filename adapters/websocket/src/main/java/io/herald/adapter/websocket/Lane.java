package io.herald.adapter.websocket;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's work, run off the Netty event loop but strictly in arrival order (a join must be handled before
 * the acks that follow it), with a bound on how much a single client may queue.
 */
final class Lane {
    private static final Logger LOG = LoggerFactory.getLogger(Lane.class);
    static final int MAX_PENDING = 256;

    private final Executor executor;
    private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();

    Lane(Executor executor) {
        this.executor = executor;
    }

    /** Returns false, queueing nothing, when the connection already has too much work waiting. */
    boolean submit(Runnable task) {
        if (pending.incrementAndGet() > MAX_PENDING) {
            pending.decrementAndGet();
            return false;
        }
        queue.add(task);
        schedule();
        return true;
    }

    private void schedule() {
        if (draining.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        Runnable task;
        while ((task = queue.poll()) != null) {
            pending.decrementAndGet();
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("connection task failed", e);
            }
        }
        draining.set(false);
        if (!queue.isEmpty()) {
            schedule();
        }
    }
}
