package io.herald.adapter.dynamodb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The one table every Herald store shares, with the failure, batch and transaction policy every call goes through.
 * Transactions of concurrent callers are committed together ({@link GroupCommit}).
 */
public final class DynamoDbTable implements AutoCloseable {
    /** DynamoDB's limit of items in one TransactWriteItems. */
    static final int MAX_TRANSACTION_ITEMS = 100;
    /** DynamoDB's limit of keys in one BatchGetItem. */
    static final int BATCH_GET_LIMIT = 100;
    private static final int COMMITTERS = 2;

    private final DynamoDbClient client;
    private final String name;
    private final StoreCall storeCall;
    private final BatchWriter batchWriter;
    private final GroupCommit groupCommit;

    /**
     * @param writeDeadline how long unprocessed batch items are sent again; the SDK client bounds each call by the
     *                      same deadline ({@link DynamoDbClientSettings})
     */
    public DynamoDbTable(DynamoDbClient client, String name, Duration writeDeadline) {
        this(client, name, writeDeadline, new StoreRoundTrips());
    }

    /**
     * @param roundTrips          counts every request the stores make through this table
     * @param confirmTransactions follow each transaction with a read the store answers only after the transaction's
     *                            commit has run: DynamoDB Local 2.6 returns from TransactWriteItems before committing
     *                            (its commit is queued behind the answer), so without it a process killed right after
     *                            can lose a write it already reported done. DynamoDB itself needs no such read.
     */
    public DynamoDbTable(DynamoDbClient client, String name, Duration writeDeadline, StoreRoundTrips roundTrips,
            boolean confirmTransactions) {
        this.client = roundTrips.counting(client);
        this.name = name;
        this.storeCall = new StoreCall(writeDeadline);
        this.batchWriter = new BatchWriter(this.client, name, storeCall);
        this.groupCommit = new GroupCommit(items -> {
            call("TransactWriteItems", () -> this.client.transactWriteItems(b -> b.transactItems(items)));
            return null;
        }, () -> {
            if (confirmTransactions) {
                get(TableLayout.BARRIER, TableLayout.BARRIER);
            }
        }, MAX_TRANSACTION_ITEMS, COMMITTERS);
    }

    public DynamoDbTable(DynamoDbClient client, String name, Duration writeDeadline, StoreRoundTrips roundTrips) {
        this(client, name, writeDeadline, roundTrips, false);
    }

    public String name() {
        return name;
    }

    DynamoDbClient client() {
        return client;
    }

    BatchWriter batch() {
        return batchWriter;
    }

    /** Writes the items all or none, perhaps in one request with other callers' items; never split across two. */
    Transaction.Outcome transact(List<TransactWriteItem> items) {
        return groupCommit.commit(new Transaction.Request(items, true));
    }

    /**
     * The same, for a write whose loss in a crash only means doing something again (an ack, a release): the caller
     * does not wait for the store to confirm the commit (on the embedded store a read costs as much as the write).
     */
    Transaction.Outcome transactUnconfirmed(List<TransactWriteItem> items) {
        return groupCommit.commit(new Transaction.Request(items, false));
    }

    <T> T call(String what, Supplier<T> call) {
        return storeCall.call(what, call);
    }

    /** A strongly consistent read of one item, if it exists. */
    Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        Map<String, AttributeValue> item = call("get " + pk, () -> client.getItem(b -> b
                .tableName(name).key(key(pk, sk)).consistentRead(true))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /** The items of these keys that exist, read consistently 100 at a time until nothing is left unprocessed. */
    List<Map<String, AttributeValue>> getAll(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += BATCH_GET_LIMIT) {
            Map<String, KeysAndAttributes> pending = Map.of(name, KeysAndAttributes.builder()
                    .keys(keys.subList(from, Math.min(keys.size(), from + BATCH_GET_LIMIT))).consistentRead(true).build());
            while (!pending.isEmpty()) {
                Map<String, KeysAndAttributes> asked = pending;
                BatchGetItemResponse answer = call("BatchGetItem", () -> client.batchGetItem(b -> b.requestItems(asked)));
                found.addAll(answer.responses().getOrDefault(name, List.of()));
                pending = answer.hasUnprocessedKeys() ? answer.unprocessedKeys() : Map.of();
            }
        }
        return found;
    }

    /**
     * Whether a page asked for {@code limit + 1} items has more behind it: it got more than {@code limit}, or DynamoDB
     * cut it at 1 MB before the limit (then it has a last evaluated key and fewer items).
     */
    static boolean hasMore(QueryResponse page, int limit) {
        boolean cut = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() && !page.items().isEmpty();
        return page.items().size() > limit || cut;
    }

    /** Every item of a partition whose sort key starts with a prefix, following pages to the end. */
    <T> List<T> queryPrefix(String pk, String prefix, Function<Map<String, AttributeValue>, T> mapper) {
        List<T> found = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            Map<String, AttributeValue> from = startKey;
            QueryResponse page = call("query " + prefix, () -> client.query(b -> b
                    .tableName(name)
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                    .expressionAttributeNames(Map.of("#pk", TableLayout.PK, "#sk", TableLayout.SK))
                    .expressionAttributeValues(Map.of(":pk", s(pk), ":prefix", s(prefix)))
                    .consistentRead(true)
                    .exclusiveStartKey(from)));
            page.items().stream().map(mapper).forEach(found::add);
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return found;
    }

    @Override
    public void close() {
        groupCommit.close();
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(TableLayout.PK, s(pk), TableLayout.SK, s(sk));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }
}
