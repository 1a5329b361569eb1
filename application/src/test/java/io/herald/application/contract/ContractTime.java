package io.herald.application.contract;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The instant contract tests start from. Real stores expire items by wall-clock TTL (DynamoDB Local 2.x runs a
 * deletion job too), so test data must be young by the real clock; the nanoseconds exercise full precision.
 */
final class ContractTime {
    private ContractTime() {
    }

    static Instant base() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).plusNanos(123_456_789);
    }
}
