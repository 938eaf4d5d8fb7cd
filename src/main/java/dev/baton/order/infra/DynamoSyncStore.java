package dev.baton.order.infra;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.baton.order.app.OrderStore.ConcurrentUpdateException;
import dev.baton.order.domain.Order;
import dev.baton.order.domain.SyncState;
import dev.baton.shared.app.NotFoundException;
import dev.baton.shared.app.StoreUnavailableException;
import dev.baton.shared.infra.BatonConfig;
import dev.baton.sync.app.SyncStore;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * {@link SyncStore} on the orders table. A claim is one UpdateItem that checks the state (and attempt),
 * takes the lease and returns the whole order (ALL_NEW), or on a failed condition the order as it is
 * (ALL_OLD) — so a duplicate or stale request learns the current state without a second read.
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

    @Override
    public Claim claim(String orderId, Set<SyncState> from, Integer expectedAttempt, int attempt,
                       Instant leaseUntil, Instant now, String newKey, String downstream) {
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> states = new ArrayList<>();
        for (SyncState state : from) {
            states.add(":from" + states.size());
            values.put(states.get(states.size() - 1), AttributeValue.fromS(state.name()));
        }
        // every attribute name goes through a placeholder: some (e.g. "reference") are DynamoDB reserved words
        String stateCondition = "attribute_exists(#pk) AND #syncState IN (" + String.join(", ", states) + ")";
        if (expectedAttempt != null) {
            values.put(":expectedAttempt", n(expectedAttempt));
        }
        String condition = expectedAttempt == null ? stateCondition
                : stateCondition + " AND #syncAttempt = :expectedAttempt";
        StringBuilder set = new StringBuilder("SET #syncState = :syncing, #syncAttempt = :attempt, "
                + "#leaseUntil = :lease, #dueState = :syncing, #dueAt = :lease, #syncChangedAt = :nowMs, "
                + "#updatedAt = :now, #version = #version + :one");
        values.put(":syncing", AttributeValue.fromS(SyncState.SYNCING.name()));
        values.put(":attempt", n(attempt));
        values.put(":lease", n(leaseUntil.toEpochMilli()));
        values.put(":now", AttributeValue.fromS(now.toString()));
        values.put(":nowMs", n(now.toEpochMilli()));
        values.put(":one", n(1));
        if (newKey != null) {
            set.append(", #idemKey = :key, #downstream = :downstream, #firstAttemptAt = :now");
            values.put(":key", AttributeValue.fromS(newKey));
            values.put(":downstream", AttributeValue.fromS(downstream));
        }
        String update = set + " REMOVE #nextAttemptAt" + (newKey != null ? ", #lastFailure, #reference" : "");
        Map<String, String> names = new HashMap<>();
        for (String name : List.of("pk", "version", "updatedAt", SyncAttributes.STATE, SyncAttributes.ATTEMPT,
                SyncAttributes.LEASE_UNTIL, SyncAttributes.DUE_STATE, SyncAttributes.DUE_AT, SyncAttributes.CHANGED_AT,
                SyncAttributes.NEXT_ATTEMPT_AT, SyncAttributes.IDEMPOTENCY_KEY, SyncAttributes.DOWNSTREAM,
                SyncAttributes.FIRST_ATTEMPT_AT, SyncAttributes.LAST_FAILURE, SyncAttributes.REFERENCE)) {
            if (condition.contains("#" + name + " ") || condition.contains("#" + name + ")")
                    || update.contains("#" + name)) {
                names.put("#" + name, name);
            }
        }
        try {
            Map<String, AttributeValue> item = dynamo.updateItem(b -> b.tableName(table)
                    .key(Map.of("pk", AttributeValue.fromS(orderId))).conditionExpression(condition)
                    .updateExpression(update).expressionAttributeNames(names).expressionAttributeValues(values).returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).attributes();
            return new Claim(DynamoOrderStore.order(item), true);
        } catch (ConditionalCheckFailedException e) {
            if (!e.hasItem() || e.item().isEmpty()) {
                throw new NotFoundException("No order " + orderId + ".");
            }
            return new Claim(DynamoOrderStore.order(e.item()), false);
        } catch (SdkException e) {
            throw new StoreUnavailableException("UpdateItem (claim)", "order " + orderId, e);
        }
    }

    @Override
    public void record(Order order, int leasedAttempt, String key) {
        Map<String, AttributeValue> attributes = SyncAttributes.write(order.sync());
        Map<String, AttributeValue> values = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        List<String> sets = new ArrayList<>();
        List<String> removes = new ArrayList<>();
        for (String name : SyncAttributes.ALL) {
            names.put("#" + name, name);
            if (attributes.containsKey(name)) {
                sets.add("#" + name + " = :" + name);
                values.put(":" + name, attributes.get(name));
            } else {
                removes.add("#" + name);
            }
        }
        sets.add("#version = #version + :one");
        sets.add("#updatedAt = :updatedAt");
        names.put("#version", "version");
        names.put("#updatedAt", "updatedAt");
        values.put(":one", n(1));
        values.put(":updatedAt", AttributeValue.fromS(order.updatedAt().toString()));
        values.put(":leased", AttributeValue.fromS(SyncState.SYNCING.name()));
        values.put(":leasedAttempt", n(leasedAttempt));
        values.put(":leasedKey", AttributeValue.fromS(key));
        String update = "SET " + String.join(", ", sets) + (removes.isEmpty() ? "" : " REMOVE "
                + String.join(", ", removes));
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS(order.id())))
                    .conditionExpression("#" + SyncAttributes.STATE + " = :leased AND #" + SyncAttributes.ATTEMPT
                            + " = :leasedAttempt AND #" + SyncAttributes.IDEMPOTENCY_KEY + " = :leasedKey")
                    .updateExpression(update)
                    .expressionAttributeNames(names).expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentUpdateException(order.id());
        } catch (SdkException e) {
            throw new StoreUnavailableException("UpdateItem (sync outcome)", "order " + order.id(), e);
        }
    }

    @Override
    public boolean requeue(String orderId, SyncState from, int attempt, Instant expectedDueAt, int newAttempt,
                           Instant dueAt, Instant now, boolean freshBudget) {
        Map<String, String> names = new HashMap<>(Map.of("#state", SyncAttributes.STATE, "#attempt",
                SyncAttributes.ATTEMPT, "#next", SyncAttributes.NEXT_ATTEMPT_AT, "#dueState", SyncAttributes.DUE_STATE,
                "#dueAt", SyncAttributes.DUE_AT, "#changed", SyncAttributes.CHANGED_AT, "#lease",
                SyncAttributes.LEASE_UNTIL, "#version", "version", "#updatedAt", "updatedAt"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":from", AttributeValue.fromS(from.name()),
                ":attempt", n(attempt), ":pending", AttributeValue.fromS(SyncState.ASYNC_PENDING.name()),
                ":newAttempt", n(newAttempt), ":due", n(dueAt.toEpochMilli()), ":nowMs", n(now.toEpochMilli()),
                ":now", AttributeValue.fromS(now.toString()), ":one", n(1)));
        String condition = "#state = :from AND #attempt = :attempt";
        if (expectedDueAt != null) {
            condition += " AND #dueAt = :expectedDue";
            values.put(":expectedDue", n(expectedDueAt.toEpochMilli()));
        }
        String update = "SET #state = :pending, #attempt = :newAttempt, #next = :due, #dueState = :pending, "
                + "#dueAt = :due, #changed = :nowMs, #updatedAt = :now, #version = #version + :one";
        if (freshBudget) {
            update += ", #first = :now";
            names.put("#first", SyncAttributes.FIRST_ATTEMPT_AT);
        }
        String expression = update + " REMOVE #lease";
        String finalCondition = condition;
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS(orderId)))
                    .conditionExpression(finalCondition).updateExpression(expression)
                    .expressionAttributeNames(names).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw new StoreUnavailableException("UpdateItem (requeue)", "order " + orderId, e);
        }
    }

    @Override
    public List<Due> due(SyncState state, Instant before, int limit) {
        try {
            var page = dynamo.query(b -> b.tableName(table).indexName(BY_SYNC_DUE)
                    .keyConditionExpression("#dueState = :state AND #dueAt <= :before")
                    .expressionAttributeNames(Map.of("#dueState", SyncAttributes.DUE_STATE, "#dueAt",
                            SyncAttributes.DUE_AT))
                    .expressionAttributeValues(Map.of(":state", AttributeValue.fromS(state.name()), ":before",
                            n(before.toEpochMilli())))
                    .limit(limit));
            List<Due> due = new ArrayList<>();
            for (Map<String, AttributeValue> item : page.items()) {
                due.add(new Due(item.get("pk").s(), Integer.parseInt(item.get(SyncAttributes.ATTEMPT).n()),
                        Instant.ofEpochMilli(Long.parseLong(item.get(SyncAttributes.DUE_AT).n()))));
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
                    .expressionAttributeNames(Map.of("#state", SyncAttributes.STATE))
                    .expressionAttributeValues(Map.of(":state", AttributeValue.fromS(state.name())))
                    .scanIndexForward(false).limit(limit).exclusiveStartKey(start));
            List<Summary> orders = new ArrayList<>();
            for (Map<String, AttributeValue> item : page.items()) {
                orders.add(new Summary(item.get("pk").s(), item.containsKey("businessType")
                        ? item.get("businessType").s() : null, SyncAttributes.read(item, Instant.EPOCH)));
            }
            String next = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                    ? Cursors.encode(page.lastEvaluatedKey()) : null;
            return new Page(orders, next);
        } catch (SdkException e) {
            throw new StoreUnavailableException("Query " + BY_SYNC_STATE, state.name(), e);
        }
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
