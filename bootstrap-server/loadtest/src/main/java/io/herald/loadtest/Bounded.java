package io.herald.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/** Runs one blocking step per item on virtual threads with at most N in flight, so setup never floods the server. */
final class Bounded {
    private Bounded() {}

    /** Results come back in item order; a step must not throw (steps return {@link StepResult}s). */
    static <T, R> List<R> map(List<T> items, int concurrency, Progress progress, Function<T, R> step) {
        Semaphore permits = new Semaphore(concurrency);
        List<Future<R>> futures = new ArrayList<>(items.size());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (T item : items) {
                futures.add(threads.submit(() -> {
                    permits.acquire();
                    try {
                        return step.apply(item);
                    } finally {
                        permits.release();
                        progress.step();
                    }
                }));
            }
        }
        List<R> results = new ArrayList<>(futures.size());
        for (Future<R> future : futures) {
            results.add(resultOf(future));
        }
        return results;
    }

    static <R> R resultOf(Future<R> finished) {
        try {
            return finished.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a bounded step threw instead of returning its outcome", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while collecting finished steps", e);
        }
    }
}
