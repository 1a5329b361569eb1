package io.herald.adapter.dynamodb;

import io.herald.application.port.Metrics;
import java.time.Duration;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.metrics.SdkMetric;

/**
 * What the SDK's client measured of each call (retries, throttled attempts, time) handed to Herald's indicators:
 * the retries happen inside the client, so only the client can tell how many there were.
 */
final class StoreCallMetrics implements MetricPublisher {
    private static final String ATTEMPT = "ApiCallAttempt";
    /** The value CoreMetric.ERROR_TYPE documents for an attempt the service throttled. */
    private static final String THROTTLING = "Throttling";

    private final Metrics metrics;

    StoreCallMetrics(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void publish(MetricCollection call) {
        String operation = first(call, CoreMetric.OPERATION_NAME, "unknown");
        boolean succeeded = first(call, CoreMetric.API_CALL_SUCCESSFUL, false);
        int retries = first(call, CoreMetric.RETRY_COUNT, 0);
        int throttled = (int) call.childrenWithName(ATTEMPT)
                .filter(attempt -> attempt.metricValues(CoreMetric.ERROR_TYPE).contains(THROTTLING))
                .count();
        Duration took = first(call, CoreMetric.API_CALL_DURATION, Duration.ZERO);
        metrics.storeCall(operation, succeeded, retries, throttled, took);
    }

    private static <T> T first(MetricCollection call, SdkMetric<T> metric, T otherwise) {
        return call.metricValues(metric).stream().findFirst().orElse(otherwise);
    }

    @Override
    public void close() {
    }
}
