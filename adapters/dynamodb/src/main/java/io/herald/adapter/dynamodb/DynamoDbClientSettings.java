package io.herald.adapter.dynamodb;

import io.herald.application.port.Metrics;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The one place DynamoDB calls are retried: the SDK's standard strategy (throttling, 5xx, I/O; never a credential
 * or validation error) with short backoffs suited to DynamoDB, at most {@code herald.dynamodb.max-attempts}
 * attempts, each bounded by {@code attempt-timeout}, the whole call by {@code write-deadline}. Applied to the client
 * micronaut-aws-sdk-v2 builds from {@code aws.*}; a shape that builds its own client calls {@link #apply}.
 */
@Singleton
public class DynamoDbClientSettings implements BeanCreatedEventListener<DynamoDbClientBuilder> {
    private static final BackoffStrategy BACKOFF = BackoffStrategy.exponentialDelayHalfJitter(Duration.ofMillis(25),
            Duration.ofMillis(500));

    private final DynamoDbSettings settings;
    private final BeanProvider<Metrics> metrics;

    DynamoDbClientSettings(DynamoDbSettings settings, BeanProvider<Metrics> metrics) {
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    public DynamoDbClientBuilder onCreated(BeanCreatedEvent<DynamoDbClientBuilder> event) {
        DynamoDbClientBuilder builder = event.getBean();
        // A context without the core (this adapter's own tests) has no metrics to report to.
        Metrics measured = metrics.isPresent() ? metrics.get() : Metrics.NONE;
        return builder.overrideConfiguration(apply(builder.overrideConfiguration().toBuilder(), settings, measured)
                .build());
    }

    /**
     * Herald's retry policy and time bounds on top of whatever else the configuration holds (interceptors…), and the
     * client's own measure of each call (retries, throttling) handed to Herald's metrics.
     */
    public static ClientOverrideConfiguration.Builder apply(ClientOverrideConfiguration.Builder configuration,
            DynamoDbSettings settings, Metrics metrics) {
        return configuration
                .addMetricPublisher(new StoreCallMetrics(metrics))
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(settings.maxAttempts())
                        .backoffStrategy(BACKOFF)
                        .throttlingBackoffStrategy(BACKOFF)
                        // The token bucket would stop retrying a busy table's throttling altogether; the attempts
                        // and the deadline bound the retries instead.
                        .circuitBreakerEnabled(false)
                        .build())
                .apiCallTimeout(settings.writeDeadline())
                .apiCallAttemptTimeout(settings.attemptTimeout());
    }
}
