package io.herald.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.application.fake.RecordingMetrics;
import io.herald.application.port.Metrics;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/** A failure that reaches the stores is final: transient ones become StoreUnavailableException, the rest stay as thrown. */
class StoreCallTest {
    private static LocalDynamoDb dynamo;
    private final StoreCall call = new StoreCall(Duration.ofSeconds(1));

    @BeforeAll
    static void start() {
        dynamo = LocalDynamoDb.start();
    }

    @AfterAll
    static void stop() {
        dynamo.close();
    }

    @Test
    void throttling_server_errors_io_failures_and_timeouts_become_store_unavailable() {
        for (RuntimeException transientFailure : List.of(
                ProvisionedThroughputExceededException.builder().statusCode(400).awsErrorDetails(details(
                        "ProvisionedThroughputExceededException")).build(),
                DynamoDbException.builder().statusCode(503).awsErrorDetails(details("ServiceUnavailable")).build(),
                SdkClientException.create("connection reset", new IOException("reset")),
                SdkClientException.create("refused", new java.io.UncheckedIOException(new ConnectException("refused"))),
                ApiCallTimeoutException.create(1000))) {
            assertThatThrownBy(() -> call.call("GetItem", () -> {
                throw transientFailure;
            })).isInstanceOf(StoreUnavailableException.class).hasCause(transientFailure);
        }
    }

    @Test
    void credential_and_validation_errors_are_thrown_as_they_are() {
        SdkClientException credentials = SdkClientException.create("Unable to load credentials from any provider");
        DynamoDbException validation = (DynamoDbException) DynamoDbException.builder().statusCode(400)
                .awsErrorDetails(details("ValidationException")).build();
        assertThatThrownBy(() -> call.call("GetItem", () -> {
            throw credentials;
        })).isSameAs(credentials);
        assertThatThrownBy(() -> call.call("GetItem", () -> {
            throw validation;
        })).isSameAs(validation);
    }

    @Test
    void a_missing_credential_is_asked_for_once_and_reported_as_it_is() {
        AtomicInteger asked = new AtomicInteger();
        AwsCredentialsProvider none = () -> {
            asked.incrementAndGet();
            throw SdkClientException.create("Unable to load credentials from any provider");
        };
        DynamoDbSettings settings = LocalDynamoDb.settings(8);
        try (DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(none).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> DynamoDbClientSettings.apply(c, settings, Metrics.NONE))
                .build()) {
            assertThatThrownBy(() -> new StoreCall(settings.writeDeadline()).call("ListTables", client::listTables))
                    .isInstanceOf(SdkClientException.class).isNotInstanceOf(StoreUnavailableException.class);
        }
        assertThat(asked).as("times the credentials were asked for").hasValue(1);
    }

    @Test
    void the_client_as_herald_configures_it_retries_throttling_up_to_its_attempts_then_the_store_is_unavailable() {
        AtomicInteger attempts = new AtomicInteger();
        FaultInjector faults = new FaultInjector();
        faults.throttleEverything(true);
        RecordingMetrics metrics = new RecordingMetrics();
        try (DynamoDbClient client = dynamo.clientRetryingAsHerald(3, faults, metrics, counting(attempts))) {
            assertThatThrownBy(() -> call.call("ListTables", client::listTables))
                    .isInstanceOf(StoreUnavailableException.class);
        }
        assertThat(attempts).as("attempts made").hasValue(3);
        assertThat(metrics.lines()).as("what the client measured")
                .containsExactly("store ListTables failed retries=2 throttled=3");
    }

    @Test
    void a_call_that_goes_through_is_measured_with_no_retry() {
        RecordingMetrics metrics = new RecordingMetrics();
        try (DynamoDbClient client = dynamo.clientRetryingAsHerald(3, new FaultInjector(), metrics)) {
            client.listTables();
        }
        assertThat(metrics.lines()).containsExactly("store ListTables ok retries=0 throttled=0");
    }

    private static ExecutionInterceptor counting(AtomicInteger attempts) {
        return new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                attempts.incrementAndGet();
            }
        };
    }

    private static AwsErrorDetails details(String code) {
        return AwsErrorDetails.builder().errorCode(code).errorMessage("test").build();
    }
}
