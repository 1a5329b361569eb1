package io.herald.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.application.port.ConnectionRegistry;
import io.herald.application.port.CooldownGuard;
import io.herald.application.port.MessageStore;
import io.herald.application.port.Presence;
import io.herald.application.port.SessionDirectory;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Micronaut side: configuration alone gives the stores, on the endpoint and table it names. */
class DynamoDbWiringTest {

    @Test
    void configuration_names_the_endpoint_and_table_and_creates_it_on_start() {
        try (LocalDynamoDb dynamo = LocalDynamoDb.start();
                ApplicationContext context = ApplicationContext.run(Map.of(
                        "aws.region", "eu-west-1",
                        "aws.access-key-id", "local",
                        "aws.secret-key", "local",
                        "aws.services.dynamodb.endpoint-override", dynamo.endpoint().toString(),
                        "herald.dynamodb.table-name", "wired",
                        "herald.dynamodb.create-table", true))) {

            assertThat(context.getBean(MessageStore.class)).isInstanceOf(DynamoDbMessageStore.class);
            assertThat(context.getBean(ConnectionRegistry.class)).isInstanceOf(DynamoDbConnectionRegistry.class);
            assertThat(context.getBean(Presence.class)).isSameAs(context.getBean(ConnectionRegistry.class));
            long before = context.getBean(StoreRoundTrips.class).total();
            context.getBean(SessionDirectory.class).teamOf(new io.herald.domain.SessionId("nobody"));
            assertThat(context.getBean(StoreRoundTrips.class).snapshot()).as("every request is counted")
                    .containsEntry("GetItem", 1L);
            assertThat(context.getBean(StoreRoundTrips.class).total()).isEqualTo(before + 1);
            assertThat(context.getBean(SessionDirectory.class)).isInstanceOf(DynamoDbSessionDirectory.class);
            assertThat(context.getBean(CooldownGuard.class)).isInstanceOf(DynamoDbCooldownGuard.class);
            assertThat(context.getBean(io.herald.application.spi.CompositionRecorder.class))
                    .isInstanceOf(DynamoDbCompositionRecorder.class);
            assertThat(dynamo.client().listTables().tableNames()).contains("wired");
        }
    }

    @Test
    void the_client_from_aws_settings_retries_and_times_out_as_herald_dynamodb_says() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "aws.region", "eu-west-1",
                "aws.access-key-id", "local",
                "aws.secret-key", "local",
                "herald.dynamodb.max-attempts", 3,
                "herald.dynamodb.write-deadline", "7s",
                "herald.dynamodb.attempt-timeout", "2s"))) {
            var configuration = context.getBean(software.amazon.awssdk.services.dynamodb.DynamoDbClient.class)
                    .serviceClientConfiguration().overrideConfiguration();

            assertThat(configuration.apiCallTimeout()).contains(java.time.Duration.ofSeconds(7));
            assertThat(configuration.apiCallAttemptTimeout()).contains(java.time.Duration.ofSeconds(2));
            assertThat(configuration.retryStrategy()).hasValueSatisfying(s -> assertThat(s.maxAttempts()).isEqualTo(3));
        }
    }
}
