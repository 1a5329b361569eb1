package io.herald.adapter.dynamodb;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code herald.dynamodb.*}: which table, whether to create it on start (local and dev), the time bounds of claims
 * and writes, and the SDK client's retries ({@link DynamoDbClientSettings}). The endpoint, region and credentials are
 * the SDK client's ({@code aws.*} settings).
 */
@ConfigurationProperties("herald.dynamodb")
public class DynamoDbSettings {
    private String tableName = "herald";
    private boolean createTable;
    private Duration claimLease = Duration.ofSeconds(60);
    private Duration writeDeadline = Duration.ofSeconds(20);
    private boolean combineWrites;
    private boolean confirmTransactions;
    private int maxAttempts = 8;
    private Duration attemptTimeout = Duration.ofSeconds(5);

    public String getTableName() {
        return tableName;
    }

    public void setTableName(String tableName) {
        this.tableName = tableName;
    }

    public boolean isCreateTable() {
        return createTable;
    }

    public void setCreateTable(boolean createTable) {
        this.createTable = createTable;
    }

    public Duration getClaimLease() {
        return claimLease;
    }

    public void setClaimLease(Duration claimLease) {
        this.claimLease = claimLease;
    }

    /** The bound of one DynamoDB call, its SDK retries included; also of re-sending unprocessed batch items. */
    public Duration getWriteDeadline() {
        return writeDeadline;
    }

    public void setWriteDeadline(Duration writeDeadline) {
        this.writeDeadline = writeDeadline;
    }

    /** Single-item writes (acks, held events) committed together as transactions: right for the embedded store, twice the write cost on AWS. */
    public boolean isCombineWrites() {
        return combineWrites;
    }

    public void setCombineWrites(boolean combineWrites) {
        this.combineWrites = combineWrites;
    }

    /** A read after each transaction so it is durable when reported done: DynamoDB Local commits after answering. */
    public boolean isConfirmTransactions() {
        return confirmTransactions;
    }

    public void setConfirmTransactions(boolean confirmTransactions) {
        this.confirmTransactions = confirmTransactions;
    }

    /** Attempts of one call the SDK client makes on throttling, a 5xx or an I/O failure, the first included. */
    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("herald.dynamodb.max-attempts must be 1 or more");
        }
        this.maxAttempts = maxAttempts;
    }

    /** The bound of one attempt, so a hung connection costs one attempt, not the whole deadline. */
    public Duration getAttemptTimeout() {
        return attemptTimeout;
    }

    public void setAttemptTimeout(Duration attemptTimeout) {
        this.attemptTimeout = attemptTimeout;
    }
}
