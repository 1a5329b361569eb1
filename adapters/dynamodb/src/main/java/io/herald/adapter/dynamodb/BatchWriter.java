package io.herald.adapter.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes many items in {@code BatchWriteItem} chunks of 25 and re-sends whatever DynamoDB reports unprocessed,
 * with backoff, until all is written or the deadline passes; then it throws. It never drops an item silently.
 */
final class BatchWriter {
    static final int CHUNK = 25;

    private final DynamoDbClient client;
    private final String table;
    private final StoreCall storeCall;

    BatchWriter(DynamoDbClient client, String table, StoreCall storeCall) {
        this.client = client;
        this.table = table;
        this.storeCall = storeCall;
    }

    void putAll(List<Map<String, AttributeValue>> items) {
        write(items.stream().map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                .toList());
    }

    void deleteAll(List<Map<String, AttributeValue>> keys) {
        write(keys.stream().map(key -> WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build())
                .toList());
    }

    private void write(List<WriteRequest> requests) {
        long giveUpAt = System.nanoTime() + storeCall.deadline().toNanos();
        for (int from = 0; from < requests.size(); from += CHUNK) {
            List<WriteRequest> pending = requests.subList(from, Math.min(from + CHUNK, requests.size()));
            for (int round = 0; !pending.isEmpty(); round++) {
                if (round > 0) {
                    if (System.nanoTime() >= giveUpAt) {
                        throw new StoreUnavailableException(pending.size() + " items still unprocessed after "
                                + storeCall.deadline(), null);
                    }
                    StoreCall.pause(round);
                }
                List<WriteRequest> batch = pending;
                BatchWriteItemResponse response = storeCall.call("BatchWriteItem",
                        () -> client.batchWriteItem(b -> b.requestItems(Map.of(table, batch))));
                pending = new ArrayList<>(response.unprocessedItems().getOrDefault(table, List.of()));
            }
        }
    }
}
