package io.herald.adapter.apigateway;

import java.time.Duration;

/**
 * How much one push to one connection may take when API Gateway throttles: at most {@code attempts} requests, all
 * within {@code deadline}, so a throttled connection cannot hold up the pushes to the others for long. The values
 * are checked where they are configured ({@link ApiGatewaySettings}).
 */
record PushBudget(int attempts, Duration deadline) {
}
