package io.herald.adapter.dynamodb;

import static io.herald.adapter.dynamodb.TableLayout.INBOX_INDEX;
import static io.herald.adapter.dynamodb.TableLayout.INBOX_PK;
import static io.herald.adapter.dynamodb.TableLayout.INBOX_SK;
import static io.herald.adapter.dynamodb.TableLayout.OWED_INDEX;
import static io.herald.adapter.dynamodb.TableLayout.OWED_PK;
import static io.herald.adapter.dynamodb.TableLayout.OWED_SK;
import static io.herald.adapter.dynamodb.TableLayout.PK;
import static io.herald.adapter.dynamodb.TableLayout.SK;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Creates the table, its two indexes and TTL when they are missing: for local and dev runs (in AWS the SAM
 * template does it). Idempotent, and safe when several instances start at once: whoever loses the race waits.
 */
public final class TableCreator {
    private TableCreator() {
    }

    public static void ensure(DynamoDbClient client, String table) {
        if (!exists(client, table)) {
            try {
                client.createTable(b -> b.tableName(table)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(stringAttribute(PK), stringAttribute(SK), stringAttribute(INBOX_PK),
                                stringAttribute(INBOX_SK), stringAttribute(OWED_PK), stringAttribute(OWED_SK))
                        .keySchema(hash(PK), range(SK))
                        .globalSecondaryIndexes(index(INBOX_INDEX, INBOX_PK, INBOX_SK), index(OWED_INDEX, OWED_PK, OWED_SK)));
            } catch (ResourceInUseException alreadyBeingCreated) {
                // Another instance created it first; waiting below covers both cases.
            }
        }
        client.waiter().waitUntilTableExists(b -> b.tableName(table));
        enableTimeToLive(client, table);
    }

    private static boolean exists(DynamoDbClient client, String table) {
        try {
            client.describeTable(b -> b.tableName(table));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    private static void enableTimeToLive(DynamoDbClient client, String table) {
        TimeToLiveStatus status = client.describeTimeToLive(b -> b.tableName(table))
                .timeToLiveDescription().timeToLiveStatus();
        if (status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING) {
            return;
        }
        try {
            client.updateTimeToLive(b -> b.tableName(table)
                    .timeToLiveSpecification(t -> t.enabled(true).attributeName(TableLayout.TTL)));
        } catch (DynamoDbException e) {
            TimeToLiveStatus now = client.describeTimeToLive(b -> b.tableName(table))
                    .timeToLiveDescription().timeToLiveStatus();
            if (now != TimeToLiveStatus.ENABLED && now != TimeToLiveStatus.ENABLING) {
                throw e;
            }
        }
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement hash(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
    }

    private static KeySchemaElement range(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
    }

    private static GlobalSecondaryIndex index(String name, String pk, String sk) {
        return GlobalSecondaryIndex.builder().indexName(name)
                .keySchema(hash(pk), range(sk))
                .projection(p -> p.projectionType(ProjectionType.ALL))
                .build();
    }
}
