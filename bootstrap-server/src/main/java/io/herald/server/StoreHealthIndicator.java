package io.herald.server;

import io.herald.adapter.dynamodb.DynamoDbSettings;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Whether the store answers: the node can accept nothing it cannot keep, so without it the node is DOWN. */
@Singleton
@Liveness
@Readiness
public class StoreHealthIndicator implements HealthIndicator {
    private final DynamoDbClient client;
    private final DynamoDbSettings settings;

    public StoreHealthIndicator(DynamoDbClient client, DynamoDbSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("table", settings.tableName());
        try {
            details.put("tableStatus", client.describeTable(b -> b.tableName(settings.tableName())).table()
                    .tableStatusAsString());
            return Publishers.just(HealthResult.builder("store", HealthStatus.UP).details(details).build());
        } catch (RuntimeException e) {
            details.put("error", e.getClass().getSimpleName());
            return Publishers.just(HealthResult.builder("store", HealthStatus.DOWN).details(details).build());
        }
    }
}
