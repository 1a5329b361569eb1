package io.herald.server;

import io.micronaut.aws.sdk.v2.service.dynamodb.DynamoDbClientFactory;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** With the embedded store, the DynamoDB client the stores use is the in-process one, not an HTTP client. */
@Factory
class EmbeddedStoreFactory {

    @Singleton
    @Replaces(value = DynamoDbClient.class, factory = DynamoDbClientFactory.class)
    @Requires(property = HeraldServer.STORE, value = HeraldServer.EMBEDDED)
    DynamoDbClient embeddedClient(EmbeddedDynamoDb store) {
        return store.client();
    }
}
