package io.herald.adapter.dynamodb;

import io.herald.adapter.wire.SettingCheck;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code herald.dynamodb.*}: which table, whether to create it on start (local and dev), the time bounds of claims
 * and writes, and the SDK client's retries ({@link DynamoDbClientSettings}). The endpoint, region and credentials are
 * the SDK client's ({@code aws.*} settings). Bound at start, so a bad value stops the start.
 *
 * @param writeDeadline the bound of one DynamoDB call, its SDK retries included; also of re-sending unprocessed
 *        batch items
 * @param combineWrites single-item writes (acks, held events) committed together as transactions: right for the
 *        embedded store, twice the write cost on AWS
 * @param confirmTransactions a read after each transaction so it is durable when reported done: DynamoDB Local
 *        commits after answering
 * @param maxAttempts attempts of one call the SDK client makes on throttling, a 5xx or an I/O failure, the first
 *        included
 * @param attemptTimeout the bound of one attempt, so a hung connection costs one attempt, not the whole deadline
 */
@Context
@ConfigurationProperties(DynamoDbSettings.PREFIX)
public record DynamoDbSettings(
        @Bindable(defaultValue = "herald") String tableName,
        @Bindable(defaultValue = "false") boolean createTable,
        @Bindable(defaultValue = "60s") Duration claimLease,
        @Bindable(defaultValue = "20s") Duration writeDeadline,
        @Bindable(defaultValue = "false") boolean combineWrites,
        @Bindable(defaultValue = "false") boolean confirmTransactions,
        @Bindable(defaultValue = "8") int maxAttempts,
        @Bindable(defaultValue = "5s") Duration attemptTimeout) {
    static final String PREFIX = "herald.dynamodb";
    private static final SettingCheck CHECK = new SettingCheck(PREFIX);

    public DynamoDbSettings {
        CHECK.notBlank("table-name", tableName);
        CHECK.positive("claim-lease", claimLease);
        CHECK.positive("write-deadline", writeDeadline);
        CHECK.atLeast("max-attempts", maxAttempts, 1);
        CHECK.positive("attempt-timeout", attemptTimeout);
    }
}
