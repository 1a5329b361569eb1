package io.herald.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class TableCreatorTest {
    private static LocalDynamoDb dynamo;
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        dynamo = LocalDynamoDb.start();
        client = dynamo.client();
    }

    @AfterAll
    static void stop() {
        dynamo.close();
    }

    @Test
    void creates_the_table_with_both_indexes_and_ttl() {
        TableCreator.ensure(client, "layout");

        TableDescription table = client.describeTable(b -> b.tableName("layout")).table();
        assertThat(table.keySchema()).extracting(k -> k.attributeName()).containsExactly(TableLayout.PK, TableLayout.SK);
        assertThat(table.globalSecondaryIndexes()).extracting(i -> i.indexName())
                .containsExactlyInAnyOrder(TableLayout.INBOX_INDEX, TableLayout.OWED_INDEX);
        assertThat(client.describeTimeToLive(b -> b.tableName("layout")).timeToLiveDescription())
                .satisfies(ttl -> {
                    assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
                    assertThat(ttl.attributeName()).isEqualTo(TableLayout.TTL);
                });
    }

    @Test
    void running_it_again_on_an_existing_table_is_harmless() {
        TableCreator.ensure(client, "again");
        TableCreator.ensure(client, "again");

        assertThat(client.listTables().tableNames()).contains("again");
    }

    @Test
    void two_instances_starting_together_both_succeed() {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Void>> starts = List.of(1, 2).stream()
                .map(i -> CompletableFuture.runAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    TableCreator.ensure(dynamo.client(), "race");
                }))
                .toList();
        go.countDown();

        CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        assertThat(client.describeTable(b -> b.tableName("race")).table().globalSecondaryIndexes()).hasSize(2);
    }
}
