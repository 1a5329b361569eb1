package io.herald.adapter.eventbridge;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Makes the {@link io.herald.application.port.EventPublisher} of the Lambda shape out of the configured client, only
 * when {@code herald.eventbridge.enabled} is true: otherwise another module's publisher is the only one.
 */
@Factory
@Requires(property = EventBridgeSettings.ENABLED, value = "true")
public class EventBridgePublisherFactory {

    @Singleton
    EventBridgePublisher eventBridgePublisher(EventBridgeClient client, EventBridgeSettings settings) {
        return new EventBridgePublisher(client,
                new EventBridgePublisher.Target(settings.busName(), settings.source()),
                new EventBridgePublisher.Budget(settings.publishAttempts(), settings.publishDeadline()));
    }
}
