package io.herald.adapter.dynamodb;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Commits concurrent callers' transactions together, as one TransactWriteItems of up to {@code maxItems} items:
 * a store whose cost is per request (DynamoDB Local pays about six milliseconds for a transaction of three items
 * and forty for one of a hundred) then serves a burst of events at a fraction of the cost. Each caller still gets
 * all-or-nothing for its own items: when the combined write is cancelled, the callers whose own conditions failed
 * are told so, and the others, whose items were fine, are committed again without them.
 *
 * <p>A few committer threads do the writing; callers wait for their outcome. Two callers touching the same item
 * never share a transaction (DynamoDB refuses that), and one caller is never split across two.
 */
final class GroupCommit implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    private static final String NO_FAULT = "None";
    /** Cancellation reasons that say nothing against the caller's own items: they are simply written again. */
    private static final Set<String> TRANSIENT = Set.of("TransactionConflict", "ThrottlingError",
            "ProvisionedThroughputExceeded");

    private final Function<List<TransactWriteItem>, Void> write;
    private final Runnable confirm;
    private final int maxItems;
    private final Deque<Pending> queue = new ArrayDeque<>();
    private final List<Thread> committers = new ArrayList<>();
    private final int committerCount;
    private boolean closed;

    private record Pending(Transaction.Request request, Set<String> keys, CompletableFuture<Transaction.Outcome> outcome,
            int attempt) {
        Pending again() {
            return new Pending(request, keys, outcome, attempt + 1);
        }
    }

    /**
     * @param write     sends one TransactWriteItems (the SDK client retries its throttling)
     * @param maxItems  the store's limit per transaction (DynamoDB: 100)
     * @param committers how many transactions may be in flight at once
     */
    GroupCommit(Function<List<TransactWriteItem>, Void> write, int maxItems, int committers) {
        this(write, () -> { }, maxItems, committers);
    }

    /**
     * @param confirm runs after a write that holds a durable request and before its callers hear back: waits until
     *                the store has really committed it (see {@link Transaction.Request#durable})
     */
    GroupCommit(Function<List<TransactWriteItem>, Void> write, Runnable confirm, int maxItems, int committers) {
        if (maxItems < 1 || committers < 1) {
            throw new IllegalArgumentException("a group commit needs room for one item and one committer");
        }
        this.write = write;
        this.confirm = confirm;
        this.maxItems = maxItems;
        this.committerCount = committers;
    }

    /** Requests waiting for a committer. */
    int waiting() {
        synchronized (queue) {
            return queue.size();
        }
    }

    /** Commits the request's items atomically, possibly together with other callers' items; blocks until done. */
    Transaction.Outcome commit(Transaction.Request request) {
        if (request.items().size() > maxItems) {
            throw new IllegalArgumentException("a transaction of " + request.items().size() + " items is over the "
                    + maxItems + " the store takes");
        }
        Pending pending = new Pending(request, keysOf(request.items()), new CompletableFuture<>(), 0);
        synchronized (queue) {
            if (closed) {
                throw new StoreUnavailableException("the store is closing", null);
            }
            startCommittersIfNeeded();
            queue.addLast(pending);
            queue.notifyAll();
        }
        try {
            return pending.outcome().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void startCommittersIfNeeded() {
        if (!committers.isEmpty()) {
            return;
        }
        for (int i = 0; i < committerCount; i++) {
            Thread committer = Thread.ofPlatform().daemon().name("herald-store-commit-" + i).start(this::commitLoop);
            committers.add(committer);
        }
    }

    private void commitLoop() {
        while (true) {
            List<Pending> batch;
            synchronized (queue) {
                while (queue.isEmpty() && !closed) {
                    try {
                        queue.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (queue.isEmpty()) {
                    return;
                }
                batch = takeBatch();
            }
            try {
                execute(batch);
            } catch (RuntimeException | Error unexpected) {
                // Whatever escaped (a library's Error, say), no caller may be left waiting, and the committer goes on.
                LOG.error("a combined transaction failed unexpectedly; its callers are told", unexpected);
                batch.forEach(p -> p.outcome().completeExceptionally(unexpected));
            }
        }
    }

    /** The oldest requests that fit together: within the item limit, no item twice. Called holding the queue lock. */
    private List<Pending> takeBatch() {
        List<Pending> batch = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int items = 0;
        var scan = queue.iterator();
        while (scan.hasNext()) {
            Pending next = scan.next();
            int size = next.request().items().size();
            if (items + size > maxItems) {
                break;
            }
            if (next.keys().stream().noneMatch(keys::contains)) {
                scan.remove();
                batch.add(next);
                keys.addAll(next.keys());
                items += size;
            }
        }
        return batch;
    }

    private void execute(List<Pending> batch) {
        List<TransactWriteItem> items = new ArrayList<>();
        batch.forEach(p -> items.addAll(p.request().items()));
        try {
            write.apply(items);
            if (batch.stream().anyMatch(p -> p.request().durable())) {
                confirm.run();
            }
            batch.forEach(p -> p.outcome().complete(Transaction.committed()));
        } catch (TransactionCanceledException cancelled) {
            sortOut(batch, cancelled);
        } catch (RuntimeException failed) {
            batch.forEach(p -> p.outcome().completeExceptionally(failed));
        }
    }

    /**
     * Gives each caller its own part of the cancellation: a failed condition is the caller's answer; items that were
     * fine, or that only collided with a concurrent transaction, are committed again in a later round.
     */
    private void sortOut(List<Pending> batch, TransactionCanceledException cancelled) {
        List<CancellationReason> reasons = cancelled.hasCancellationReasons() ? cancelled.cancellationReasons() : List.of();
        int total = batch.stream().mapToInt(p -> p.request().items().size()).sum();
        if (reasons.size() != total) {
            if (batch.size() == 1) {
                batch.getFirst().outcome().completeExceptionally(cancelled);
            } else {
                // Which caller's item failed is unknown: each goes again, alone, so its own answer is clear.
                batch.forEach(p -> retryAlone(p, cancelled));
            }
            return;
        }
        int from = 0;
        List<Pending> again = new ArrayList<>();
        for (Pending pending : batch) {
            int size = pending.request().items().size();
            List<CancellationReason> own = reasons.subList(from, from + size);
            from += size;
            if (own.stream().anyMatch(r -> Transaction.ConditionFailed.CODE.equals(r.code()))) {
                pending.outcome().complete(Transaction.refused(own));
            } else if (own.stream().allMatch(r -> r.code() == null || NO_FAULT.equals(r.code())
                    || TRANSIENT.contains(r.code()))) {
                again.add(pending.again());
            } else {
                pending.outcome().completeExceptionally(cancelled);
            }
        }
        requeueFirst(again, cancelled);
    }

    private void retryAlone(Pending pending, TransactionCanceledException cause) {
        try {
            write.apply(pending.request().items());
            if (pending.request().durable()) {
                confirm.run();
            }
            pending.outcome().complete(Transaction.committed());
        } catch (TransactionCanceledException cancelled) {
            sortOut(List.of(pending), cancelled);
        } catch (RuntimeException failed) {
            failed.addSuppressed(cause);
            pending.outcome().completeExceptionally(failed);
        }
    }

    /** Innocent callers go back to the front, ahead of newcomers; one that keeps colliding is given up on. */
    private void requeueFirst(List<Pending> again, TransactionCanceledException cause) {
        if (again.isEmpty()) {
            return;
        }
        List<Pending> retry = new ArrayList<>();
        for (Pending pending : again) {
            if (pending.attempt() > 20) {
                LOG.warn("a transaction kept colliding with others; giving up on it");
                pending.outcome().completeExceptionally(new StoreUnavailableException(
                        "the transaction kept colliding with concurrent ones", cause));
            } else {
                retry.add(pending);
            }
        }
        if (retry.stream().anyMatch(p -> p.attempt() > 1)) {
            StoreCall.pause(retry.stream().mapToInt(Pending::attempt).max().orElse(1));
        }
        synchronized (queue) {
            for (int i = retry.size() - 1; i >= 0; i--) {
                queue.addFirst(retry.get(i));
            }
            queue.notifyAll();
        }
    }

    private static Set<String> keysOf(List<TransactWriteItem> items) {
        Set<String> keys = new HashSet<>();
        for (TransactWriteItem item : items) {
            keys.add(keyOf(item));
        }
        return keys;
    }

    private static String keyOf(TransactWriteItem item) {
        Map<String, AttributeValue> key;
        String table;
        if (item.put() != null) {
            key = item.put().item();
            table = item.put().tableName();
        } else if (item.update() != null) {
            key = item.update().key();
            table = item.update().tableName();
        } else if (item.delete() != null) {
            key = item.delete().key();
            table = item.delete().tableName();
        } else {
            key = item.conditionCheck().key();
            table = item.conditionCheck().tableName();
        }
        return table + "\u0000" + key.get(TableLayout.PK).s() + "\u0000" + key.get(TableLayout.SK).s();
    }

    @Override
    public void close() {
        synchronized (queue) {
            closed = true;
            queue.notifyAll();
        }
    }
}
