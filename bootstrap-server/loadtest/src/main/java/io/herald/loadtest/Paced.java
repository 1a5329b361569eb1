package io.herald.loadtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;

/**
 * Starts step k at {@code k × interval} from the first, or as soon as one of the {@code inFlight} unfinished steps
 * finishes if it is late: a schedule the tool keeps while the server answers within {@code inFlight} intervals,
 * without ever holding more requests open against it. With one in flight each step waits for the one before.
 */
final class Paced {
    private Paced() {}

    /** Results come back in step order; a step must not throw (steps return {@link StepResult}s). */
    static <R> List<R> map(int steps, Duration interval, int inFlight, IntFunction<R> step)
            throws InterruptedException {
        Semaphore permits = new Semaphore(inFlight);
        List<Future<R>> futures = new ArrayList<>(steps);
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int k = 0; k < steps; k++) {
                sleepUntil(start + k * interval.toNanos());
                permits.acquire();
                int index = k;
                futures.add(threads.submit(() -> {
                    try {
                        return step.apply(index);
                    } finally {
                        permits.release();
                    }
                }));
            }
        }
        List<R> results = new ArrayList<>(futures.size());
        for (Future<R> future : futures) {
            results.add(Bounded.resultOf(future));
        }
        return results;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
