package io.herald.loadtest;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds whoever enters until {@code n} are inside at once, and remembers the most there ever were: proof that a
 * client overlaps its requests, and by how much, without timing anything. A client that never gets {@code n} inside
 * is let through after a while, so it fails on {@link #most()} instead of hanging the test.
 */
final class InFlightGate {
    private static final long GIVE_UP_SECONDS = 10;

    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();
    private volatile CountDownLatch opens = new CountDownLatch(0);

    /** From now on the first {@code n} to enter wait for each other; everyone after them passes straight through. */
    void holdUntil(int n) {
        opens = new CountDownLatch(n);
    }

    void enter() throws InterruptedException {
        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
        CountDownLatch latch = opens;
        latch.countDown();
        latch.await(GIVE_UP_SECONDS, TimeUnit.SECONDS);
    }

    /** Call before answering: the client must not see an answer while its request still counts as inside. */
    void leave() {
        inside.decrementAndGet();
    }

    int most() {
        return most.get();
    }
}
