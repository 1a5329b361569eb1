package io.herald.adapter.apigateway;

import java.time.Duration;

/**
 * How much one push to one connection may take when API Gateway throttles: at most {@code attempts} requests, all
 * within {@code deadline}, so a throttled connection cannot hold up the pushes to the others for long.
 */
record PushBudget(int attempts, Duration deadline) {
    PushBudget {
        if (attempts < 1) {
            throw new IllegalArgumentException("herald.apigateway.push-attempts must be 1 or more");
        }
        if (deadline == null || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("herald.apigateway.push-deadline must be positive");
        }
    }
}
