package io.herald.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.herald.adapter.dynamodb.LocalDynamoDb;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Priming before a SnapStart snapshot goes through each handler's whole path and leaves no trace in the store. */
class SnapStartPrimingTest {
    private static LocalDynamoDb dynamo;
    private static AwsStubs aws;
    private static ApplicationContext context;

    @BeforeAll
    static void start() throws Exception {
        dynamo = LocalDynamoDb.start();
        aws = new AwsStubs();
        context = ApplicationContext.builder().environments("function", "lambda")
                .properties(AwsEvents.settings(dynamo.endpoint().toString(), aws.endpoint(), aws.endpoint())).start();
    }

    @AfterAll
    static void stop() {
        context.close();
        aws.close();
        dynamo.close();
    }

    @Test
    void every_handler_primes_without_writing_anything() {
        assertThatCode(() -> {
            new HttpHandler(context).prime();
            new WebSocketHandler(context).prime();
            new OrchestratorHandler(context).prime();
        }).doesNotThrowAnyException();

        int items = dynamo.client().scan(b -> b.tableName("herald-lambda")
                .filterExpression("contains(pk, :priming)")
                .expressionAttributeValues(Map.of(":priming", AttributeValue.fromS("snapstart-priming")))).count();
        assertThat(items).isZero();
        assertThat(aws.putEvents).isEmpty();
        assertThat(aws.posted).isEmpty();
    }
}
