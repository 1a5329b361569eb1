package io.herald.adapter.dynamodb;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code herald.dynamodb.*}: which table, whether to create it on start (local and dev), and the time bounds of
 * claims and writes. The endpoint, region and credentials are the SDK client's ({@code aws.*} settings).
 */
@ConfigurationProperties("herald.dynamodb")
public class DynamoDbSettings {
    private String tableName = "herald";
    private boolean createTable;
    private Duration claimLease = Duration.ofSeconds(60);
    private Duration writeDeadline = Duration.ofSeconds(20);
    private boolean combineWrites;
    private boolean confirmTransactions;

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
}
