package dev.baton.sync.infra;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.baton.shared.app.StoreUnavailableException;
import dev.baton.shared.infra.BatonConfig;
import dev.baton.sync.app.SyncStore;
import dev.baton.sync.domain.OrderSync;
import dev.baton.sync.domain.SyncState;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link SyncStore} on the orders table: each order's sync state is its own small item ({@link SyncItems}),
 * so the order's writers and the sync's writers never overwrite each other. Every transition is one PutItem
 * conditioned on the version it started from — the storage side of {@link OrderSync}'s transitions, which it
 * maps without re-implementing them.
 */
@ApplicationScoped
public class DynamoSyncStore implements SyncStore {

    /** Sparse index of orders waiting for an attempt or holding a lease: {@code dueState}, {@code dueAt}. */
    static final String BY_SYNC_DUE = "bySyncDue";
    /** Index of orders by sync state, newest change first: {@code syncState}, {@code syncChangedAt}. */
    static final String BY_SYNC_STATE = "bySyncState";

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoSyncStore(DynamoDbClient dynamo, BatonConfig config) {
        this.dynamo = dynamo;
        this.table = config.tables().orders();
    }

    /**
     * The sync state an item of the orders table holds, or empty when the item is an order's own item: for
     * readers of the table's change stream (the events feature), so they decode items with this feature's mapper.
     */
    public static Optional<OrderSync> fromItem(Map<String, AttributeValue> item) {
        AttributeValue pk = item.get(SyncItems.PK);
        return pk != null && pk.s() != null && pk.s().startsWith(SyncItems.PREFIX) ? Optional.of(SyncItems.read(item))
                : Optional.empty();
    }

    @Override
    public Optional<OrderSync> find(String orderId) {
        try {
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                    .key(Map.of(SyncItems.PK, SyncItems.key(orderId)))).item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(SyncItems.read(item));
        } catch (SdkException e) {
            throw new StoreUnavailableException("GetItem (sync state)", "order " + orderId, e);
        }
    }

    @Override
    public void write(OrderSync next) {
        boolean first = next.version() == 1;
        try {
            dynamo.putItem(b -> {
                b.tableName(table).item(SyncItems.write(next));
                if (first) {
                    b.conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk",
                            SyncItems.PK));
                } else {
                    b.conditionExpression("#v = :read").expressionAttributeNames(Map.of("#v", SyncItems.VERSION))
                            .expressionAttributeValues(Map.of(":read", n(next.version() - 1)));
                }
            });
        } catch (ConditionalCheckFailedException e) {
            throw new StaleSyncException(next.orderId());
        } catch (SdkException e) {
            throw new StoreUnavailableException("PutItem (sync " + next.state() + ")", "order " + next.orderId(), e);
        }
    }

    @Override
    public List<Due> due(SyncState state, Instant before, int limit) {
        try {
            var page = dynamo.query(b -> b.tableName(table).indexName(BY_SYNC_DUE)
                    .keyConditionExpression("#dueState = :state AND #dueAt <= :before")
                    .expressionAttributeNames(Map.of("#dueState", SyncItems.DUE_STATE, "#dueAt", SyncItems.DUE_AT))
                    .expressionAttributeValues(Map.of(":state", AttributeValue.fromS(state.name()), ":before",
                            n(before.toEpochMilli())))
                    .limit(limit));
            List<Due> due = new ArrayList<>();
            for (Map<String, AttributeValue> item : page.items()) {
                due.add(new Due(orderId(item), SyncItems.millis(item, SyncItems.DUE_AT)));
            }
            return due;
        } catch (SdkException e) {
            throw new StoreUnavailableException("Query " + BY_SYNC_DUE, state.name(), e);
        }
    }

    @Override
    public Page list(SyncState state, int limit, String cursor) {
        Map<String, AttributeValue> start = cursor == null ? null : Cursors.decode(cursor, state);
        try {
            var page = dynamo.query(b -> b.tableName(table).indexName(BY_SYNC_STATE)
                    .keyConditionExpression("#state = :state")
                    .expressionAttributeNames(Map.of("#state", SyncItems.STATE))
                    .expressionAttributeValues(Map.of(":state", AttributeValue.fromS(state.name())))
                    .scanIndexForward(false).limit(limit).exclusiveStartKey(start));
            List<Summary> orders = new ArrayList<>();
            for (Map<String, AttributeValue> item : page.items()) {
                orders.add(SyncItems.summary(item));
            }
            String next = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                    ? Cursors.encode(page.lastEvaluatedKey()) : null;
            return new Page(orders, next);
        } catch (SdkException e) {
            throw new StoreUnavailableException("Query " + BY_SYNC_STATE, state.name(), e);
        }
    }

    private static String orderId(Map<String, AttributeValue> item) {
        return item.get(SyncItems.PK).s().substring(SyncItems.PREFIX.length());
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
