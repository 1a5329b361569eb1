package io.herald.adapter.eventbridge;

import io.micronaut.aws.sdk.v2.service.AWSServiceConfiguration;
import io.micronaut.aws.sdk.v2.service.AwsClientFactory;
import io.micronaut.aws.ua.UserAgentProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.services.eventbridge.EventBridgeAsyncClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeAsyncClientBuilder;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClientBuilder;

/**
 * The EventBridge client micronaut-aws-sdk-v2 4.11 has no factory for, made on its {@link AwsClientFactory} the way its
 * own DynamoDB and S3 factories are: same {@code aws.*} credentials, region, user agent and HTTP client, and the
 * endpoint from {@code aws.services.events.endpoint-override} ({@code events} is the SDK's service name, the key
 * micronaut-aws gives every service).
 */
@Factory
@Requires(property = EventBridgeSettings.ENABLED, value = "true")
public class EventBridgeClientFactory extends AwsClientFactory<EventBridgeClientBuilder, EventBridgeAsyncClientBuilder,
        EventBridgeClient, EventBridgeAsyncClient> {

    protected EventBridgeClientFactory(AwsCredentialsProviderChain credentialsProvider,
            AwsRegionProviderChain regionProvider, UserAgentProvider userAgentProvider,
            @Named(EventBridgeClient.SERVICE_NAME) @Nullable AWSServiceConfiguration configuration) {
        super(credentialsProvider, regionProvider, userAgentProvider, configuration);
    }

    @Override
    protected EventBridgeClientBuilder createSyncBuilder() {
        return EventBridgeClient.builder();
    }

    /** The base class asks for it; Herald publishes synchronously, so no asynchronous client is offered as a bean. */
    @Override
    protected EventBridgeAsyncClientBuilder createAsyncBuilder() {
        return EventBridgeAsyncClient.builder();
    }

    @Override
    @Singleton
    public EventBridgeClientBuilder syncBuilder(SdkHttpClient httpClient) {
        return super.syncBuilder(httpClient);
    }

    /**
     * The SDK's own retries are off: {@link EventBridgePublisher} re-sends failed entries and failed calls alike within
     * its attempts and deadline, which would otherwise be multiplied by the SDK's attempts and backoff.
     */
    @Override
    @Singleton
    @Bean(preDestroy = "close")
    public EventBridgeClient syncClient(EventBridgeClientBuilder builder) {
        builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .build());
        return super.syncClient(builder);
    }
}
