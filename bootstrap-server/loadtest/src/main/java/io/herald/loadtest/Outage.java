package io.herald.loadtest;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Which server node the kill took down, learnt the only way a client can: once the kill has begun, a node whose
 * /health no longer answers is dead. One node dies per run; {@code --kill-url} narrows the suspects to the one named.
 * Before the kill nothing is ever declared dead, so an unrelated hiccup stays a failure instead of a fail-over.
 */
final class Outage {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final int NOBODY = -1;
    private static final long NOT_BEGUN = Long.MIN_VALUE;

    private final Nodes nodes;
    private final Optional<Integer> named;
    private final AtomicLong begunAtNanos = new AtomicLong(NOT_BEGUN);
    private final AtomicInteger dead = new AtomicInteger(NOBODY);
    private final AtomicLong diedAtNanos = new AtomicLong();
    // Locks, not monitors: a probe blocks on the network, which must not pin a virtual thread's carrier.
    private final ReentrantLock[] probing;
    private final List<IntConsumer> onDeath = new CopyOnWriteArrayList<>();

    Outage(Nodes nodes, Optional<Integer> named) {
        this.nodes = nodes;
        this.named = named;
        this.probing = new ReentrantLock[nodes.count()];
        for (int node = 0; node < probing.length; node++) {
            probing[node] = new ReentrantLock();
        }
    }

    /** Called with the dead node's index once, on the thread that found out; must not block. */
    void onDeath(IntConsumer listener) {
        onDeath.add(listener);
    }

    void begin() {
        begunAtNanos.compareAndSet(NOT_BEGUN, System.nanoTime());
    }

    OptionalLong begunAtNanos() {
        long at = begunAtNanos.get();
        return at == NOT_BEGUN ? OptionalLong.empty() : OptionalLong.of(at);
    }

    boolean isDead(int node) {
        return dead.get() == node;
    }

    Optional<Integer> dead() {
        int node = dead.get();
        return node == NOBODY ? Optional.empty() : Optional.of(node);
    }

    Set<Integer> deadNodes() {
        return dead().map(Set::of).orElse(Set.of());
    }

    /** When the death was found out (nanoTime); meaningful only once {@link #dead()} is present. */
    long diedAtNanos() {
        return diedAtNanos.get();
    }

    /**
     * Whether {@code node} is the one that died, probing it now if it could be: a socket that dropped or a call
     * that got no answer is a reason to look, not proof. Concurrent callers share one probe per node.
     */
    boolean confirm(int node) throws InterruptedException {
        if (dead.get() == node) {
            return true;
        }
        if (!couldDie(node)) {
            return false;
        }
        probing[node].lockInterruptibly();
        try {
            if (couldDie(node) && !answers(node)) {
                declare(node);
            }
        } finally {
            probing[node].unlock();
        }
        return dead.get() == node;
    }

    /** Probes every suspect until one is found dead, or {@code until} says to stop looking. */
    void watch(BooleanSupplier until) throws InterruptedException {
        while (dead.get() == NOBODY && !until.getAsBoolean()) {
            for (int node = 0; node < nodes.count() && dead.get() == NOBODY; node++) {
                confirm(node);
            }
            Thread.sleep(POLL);
        }
    }

    /** The first node after {@code node}, in index order and wrapping, that is neither {@code node} nor dead. */
    int survivorAfter(int node) {
        for (int step = 1; step < nodes.count(); step++) {
            int candidate = (node + step) % nodes.count();
            if (!isDead(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no surviving node besides node" + node);
    }

    private boolean couldDie(int node) {
        return begunAtNanos.get() != NOT_BEGUN && dead.get() == NOBODY && named.map(n -> n == node).orElse(true);
    }

    private boolean answers(int node) throws InterruptedException {
        try {
            nodes.get(node).health(PROBE_TIMEOUT);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void declare(int node) {
        if (dead.compareAndSet(NOBODY, node)) {
            diedAtNanos.set(System.nanoTime());
            onDeath.forEach(listener -> listener.accept(node));
        }
    }
}
