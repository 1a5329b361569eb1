package io.herald.loadtest;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends each event to the node meant for it, or to the next survivor once that node is known dead; a call that
 * gets no answer from the node that turns out to have died is sent once more to a survivor. A repeated event is
 * safe: its id is derived from its content, so the server recognises it.
 */
final class FailoverPoster {
    /** One event's call to a node. */
    @FunctionalInterface
    interface Call {
        EventAccepted send(ServerUnderTest server) throws IOException, InterruptedException;
    }

    /** What became of one event; {@code postedTo} is every node it was sent to. */
    sealed interface Posted {
        record Accepted(EventAccepted accepted, Set<Integer> postedTo, boolean retried) implements Posted {}

        record Failed(String reason, Set<Integer> postedTo) implements Posted {}
    }

    private final Nodes nodes;
    private final Outage outage;
    private final AtomicInteger rerouted = new AtomicInteger();
    private final AtomicInteger retried = new AtomicInteger();

    FailoverPoster(Nodes nodes, Outage outage) {
        this.nodes = nodes;
        this.outage = outage;
    }

    /** Never throws: a failure is returned, like {@link StepResult}, so thousands of events can fail and be counted. */
    Posted post(int node, Call call) {
        int target = node;
        if (outage.isDead(target)) {
            target = outage.survivorAfter(target);
            rerouted.incrementAndGet();
        }
        try {
            return new Posted.Accepted(call.send(nodes.get(target)), Set.of(target), false);
        } catch (ServerRefusal refusal) {
            return new Posted.Failed("node" + target + ": " + Failures.describe(refusal), Set.of(target));
        } catch (IOException noAnswer) {
            return retryElsewhere(target, call, noAnswer);
        } catch (InternalError e) {
            // The JDK HttpClient reports a socket it cannot open ("Too many open files") as an InternalError.
            if (!(e.getCause() instanceof IOException)) {
                throw e;
            }
            return retryElsewhere(target, call, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Posted.Failed("interrupted", Set.of(target));
        } catch (RuntimeException e) {
            return new Posted.Failed("node" + target + ": " + Failures.describe(e), Set.of(target));
        }
    }

    /** Events sent to a survivor because their node was already known dead. */
    int rerouted() {
        return rerouted.get();
    }

    /** Events sent again to a survivor because their node gave no answer and turned out to be dead. */
    int retried() {
        return retried.get();
    }

    private Posted retryElsewhere(int failed, Call call, Throwable noAnswer) {
        String reason = "node" + failed + ": " + Failures.describe(noAnswer);
        try {
            if (!outage.confirm(failed)) {
                return new Posted.Failed(reason, Set.of(failed));
            }
            int survivor = outage.survivorAfter(failed);
            retried.incrementAndGet();
            try {
                return new Posted.Accepted(call.send(nodes.get(survivor)), Set.of(failed, survivor), true);
            } catch (IOException | RuntimeException again) {
                return new Posted.Failed(reason + ", then on node" + survivor + ": " + Failures.describe(again),
                        Set.of(failed, survivor));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Posted.Failed("interrupted", Set.of(failed));
        }
    }
}
