package io.herald.lambda;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart's hook for a handler: before the snapshot, run the handler's priming so classes, JSON mappers and AWS
 * clients are warm in it. The CRaC context may hold resources weakly, so each handler keeps its instance in a field.
 */
final class SnapStartPriming implements Resource {
    private final Runnable prime;

    private SnapStartPriming(Runnable prime) {
        this.prime = prime;
    }

    static SnapStartPriming register(Runnable prime) {
        SnapStartPriming priming = new SnapStartPriming(prime);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime.run();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to renew: connections to AWS are re-established on first use after restore.
    }
}
