package dev.baton.shared.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.baton.shared.app.VersionConflictException;
import dev.baton.shared.app.StoreUnavailableException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Publishing an immutable version with its head in one TransactWriteItems: the version item must not
 * exist, and the head must still be at the previous version (or absent for version 1). Two concurrent
 * publishes can therefore never both create the same version. Used for flows, mappings and downstreams.
 */
public final class VersionedPublish {

    private VersionedPublish() {
    }

    /**
     * Writes {@code version} and {@code head} (both carrying a {@code versionAttribute} equal to
     * {@code number}) atomically.
     *
     * @throws VersionConflictException  when another publish created this version or moved the head first
     * @throws StoreUnavailableException when DynamoDB failed otherwise
     */
    public static void publish(DynamoDbClient dynamo, String table, Map<String, AttributeValue> version,
                               Map<String, AttributeValue> head, String keyAttribute, String versionAttribute,
                               int number, String what) {
        publish(dynamo, table, version, head, keyAttribute, versionAttribute, number, what, null);
    }

    /**
     * As {@link #publish(DynamoDbClient, String, Map, Map, String, String, int, String)}, and in the same
     * transaction the item with key {@code absentKey} must not exist (a ConditionCheck), e.g. the head of a
     * mapping configured the other way round; null for no such check.
     */
    public static void publish(DynamoDbClient dynamo, String table, Map<String, AttributeValue> version,
                               Map<String, AttributeValue> head, String keyAttribute, String versionAttribute,
                               int number, String what, Map<String, AttributeValue> absentKey) {
        publish(dynamo, table, version, head, keyAttribute, versionAttribute, number, what, absentKey, null);
    }

    /**
     * As {@link #publish(DynamoDbClient, String, Map, Map, String, String, int, String, Map)}, and in the same
     * transaction puts {@code listed} (a {@link Directory} entry; null for none) unconditionally: publishing
     * again rewrites the same item, and a name is listed exactly when one of its versions was published.
     */
    public static void publish(DynamoDbClient dynamo, String table, Map<String, AttributeValue> version,
                               Map<String, AttributeValue> head, String keyAttribute, String versionAttribute,
                               int number, String what, Map<String, AttributeValue> absentKey,
                               Map<String, AttributeValue> listed) {
        Put putVersion = Put.builder().tableName(table).item(version).conditionExpression("attribute_not_exists(#k)")
                .expressionAttributeNames(Map.of("#k", keyAttribute)).build();
        Put putHead = number == 1
                ? Put.builder().tableName(table).item(head).conditionExpression("attribute_not_exists(#k)")
                        .expressionAttributeNames(Map.of("#k", keyAttribute)).build()
                : Put.builder().tableName(table).item(head).conditionExpression("#v = :previous")
                        .expressionAttributeNames(Map.of("#v", versionAttribute))
                        .expressionAttributeValues(Map.of(":previous", AttributeValue.fromN(
                                Integer.toString(number - 1)))).build();
        List<TransactWriteItem> items = new ArrayList<>(List.of(TransactWriteItem.builder().put(putVersion).build(),
                TransactWriteItem.builder().put(putHead).build()));
        if (absentKey != null) {
            items.add(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table)
                    .key(absentKey).conditionExpression("attribute_not_exists(#k)")
                    .expressionAttributeNames(Map.of("#k", keyAttribute)).build()).build());
        }
        if (listed != null) {
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(listed).build()).build());
        }
        try {
            dynamo.transactWriteItems(b -> b.transactItems(items));
        } catch (TransactionCanceledException e) {
            if (e.cancellationReasons().stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()))) {
                throw new VersionConflictException(what);
            }
            throw new StoreUnavailableException("TransactWriteItems", what, e);
        } catch (SdkException e) {
            throw new StoreUnavailableException("TransactWriteItems", what, e);
        }
    }
}
