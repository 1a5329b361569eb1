package io.herald.loadtest;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pulled once, mid-run: begins the outage, runs the kill command on the side while events keep flowing, and
 * watches for the node that stops answering until it is found or {@code timeout} after the command has ended.
 */
final class KillSwitch {
    private final String command;
    private final Outage outage;
    private final Duration timeout;
    private final AtomicBoolean pulled = new AtomicBoolean();
    private final CompletableFuture<KillCommand.Ran> ran = new CompletableFuture<>();
    private final CompletableFuture<Void> watched = new CompletableFuture<>();

    KillSwitch(String command, Outage outage, Duration timeout) {
        this.command = command;
        this.outage = outage;
        this.timeout = timeout;
    }

    void pull() {
        if (!pulled.compareAndSet(false, true)) {
            return;
        }
        outage.begin();
        Thread.ofVirtual().name("kill-command").start(() -> {
            try {
                ran.complete(KillCommand.run(command, timeout));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ran.completeExceptionally(e);
            }
        });
        Thread.ofVirtual().name("kill-watch").start(() -> {
            try {
                AtomicLong endedAt = new AtomicLong();
                outage.watch(() -> {
                    if (!ran.isDone()) {
                        return false;
                    }
                    endedAt.compareAndSet(0, System.nanoTime());
                    return System.nanoTime() - endedAt.get() > timeout.toNanos();
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                watched.complete(null);
            }
        });
    }

    boolean pulled() {
        return pulled.get();
    }

    /** Waits until the command has ended and the dead node is known or no longer looked for. */
    Optional<KillCommand.Ran> awaitOutcome() throws InterruptedException {
        if (!pulled.get()) {
            return Optional.empty();
        }
        try {
            // The command and the watch are each bounded by the timeout; this bound is only a safety net.
            watched.get(3 * timeout.toMillis() + 10_000, TimeUnit.MILLISECONDS);
            return Optional.of(ran.get(timeout.toMillis() + 10_000, TimeUnit.MILLISECONDS));
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }
}
