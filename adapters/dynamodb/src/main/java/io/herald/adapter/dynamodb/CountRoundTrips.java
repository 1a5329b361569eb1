package io.herald.adapter.dynamodb;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/** Puts the round-trip counter on the DynamoDB client that micronaut-aws-sdk-v2 builds, keeping its other settings. */
@Singleton
final class CountRoundTrips implements BeanCreatedEventListener<DynamoDbClientBuilder> {
    private final StoreRoundTrips roundTrips;

    CountRoundTrips(StoreRoundTrips roundTrips) {
        this.roundTrips = roundTrips;
    }

    @Override
    public DynamoDbClientBuilder onCreated(BeanCreatedEvent<DynamoDbClientBuilder> event) {
        DynamoDbClientBuilder builder = event.getBean();
        ClientOverrideConfiguration current = builder.overrideConfiguration();
        return builder.overrideConfiguration(current.toBuilder().addExecutionInterceptor(roundTrips).build());
    }
}
