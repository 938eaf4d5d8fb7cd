package dev.baton.sync.infra;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link SyncStore} on the orders table: each order's sync state is its own small item ({@link SyncItems}),
 * so the order's writers and the sync's writers never overwrite each other. Every transition is one PutItem
 * conditioned on the version it started from — the storage side of {@link OrderSync}'s transitions, which it
 * maps without re-implementing them. Listing and sweeping read the sharded indexes of {@link SyncIndexes}: every
 * shard, never a Scan.
 */
@ApplicationScoped
public class DynamoSyncStore implements SyncStore {

    /** Batches of the listing's reads of live items (BatchGetItem takes at most 100 keys). */
    private static final int BATCH_GET = 100;

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
        put(next, SyncItems.write(next));
    }

    @Override
    public void claim(OrderSync from, OrderSync claimed) {
        if (claimed.state() != SyncState.SYNCING || claimed.version() != from.version() + 1) {
            throw new IllegalArgumentException("a claim is the SYNCING state right after the one it was made from");
        }
        put(claimed, SyncItems.write(claimed, from.state() == SyncState.ASYNC_PENDING ? from : claimed));
    }

    private void put(OrderSync next, Map<String, AttributeValue> item) {
        boolean first = next.version() == 1;
        try {
            dynamo.putItem(b -> {
                b.tableName(table).item(item);
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
    public List<Due> due(SyncState state, Instant before, int limitPerShard) {
        List<Due> due = new ArrayList<>();
        for (int shard = 0; shard < SyncIndexes.DUE_SHARDS; shard++) {
            String key = SyncIndexes.dueKey(state, shard);
            try {
                var page = dynamo.query(b -> b.tableName(table).indexName(SyncIndexes.DUE)
                        .keyConditionExpression("#k = :k AND #at <= :before")
                        .expressionAttributeNames(Map.of("#k", SyncIndexes.DUE_KEY, "#at", SyncIndexes.DUE_AT))
                        .expressionAttributeValues(Map.of(":k", AttributeValue.fromS(key), ":before",
                                n(before.toEpochMilli())))
                        .limit(limitPerShard));
                for (Map<String, AttributeValue> item : page.items()) {
                    due.add(new Due(orderId(item), SyncItems.millis(item, SyncIndexes.DUE_AT)));
                }
            } catch (SdkException e) {
                throw new StoreUnavailableException("Query " + SyncIndexes.DUE, key, e);
            }
        }
        return due;
    }

    @Override
    public Page list(List<SyncState> states, int limit, String cursor) {
        if (states.isEmpty() || !states.stream().allMatch(SyncState::listed)) {
            throw new IllegalArgumentException("only listed states are listed, not " + states);
        }
        String after = cursor == null ? null : Cursors.decode(cursor, states);
        // scatter-gather: the newest `limit` entries of every shard after the cursor hold the newest `limit` overall
        List<Map<String, AttributeValue>> entries = new ArrayList<>();
        boolean more = false;
        for (SyncState state : states) {
            for (int shard = 0; shard < SyncIndexes.LISTED_SHARDS; shard++) {
                QueryResponse page = listShard(SyncIndexes.listKey(state, shard), after, limit);
                entries.addAll(page.items());
                more |= page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty();
            }
        }
        entries.sort(Comparator.comparing((Map<String, AttributeValue> e) -> e.get(SyncIndexes.LIST_SK).s())
                .reversed());
        more |= entries.size() > limit;
        List<Map<String, AttributeValue>> taken = entries.subList(0, Math.min(limit, entries.size()));
        String next = more && !taken.isEmpty()
                ? Cursors.encode(states, taken.get(taken.size() - 1).get(SyncIndexes.LIST_SK).s()) : null;
        return new Page(summaries(taken), next);
    }

    private QueryResponse listShard(String key, String after, int limit) {
        Map<String, String> names = new HashMap<>(Map.of("#k", SyncIndexes.LIST_KEY));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":k", AttributeValue.fromS(key)));
        String condition = "#k = :k";
        if (after != null) {
            condition += " AND #sk < :after";
            names.put("#sk", SyncIndexes.LIST_SK);
            values.put(":after", AttributeValue.fromS(after));
        }
        String keyCondition = condition;
        try {
            return dynamo.query(b -> b.tableName(table).indexName(SyncIndexes.LISTED)
                    .keyConditionExpression(keyCondition).expressionAttributeNames(names)
                    .expressionAttributeValues(values).scanIndexForward(false).limit(limit));
        } catch (SdkException e) {
            throw new StoreUnavailableException("Query " + SyncIndexes.LISTED, key, e);
        }
    }

    /**
     * The live items of the listed entries, in their order. An entry the index still holds after its order moved
     * on (the index is eventually consistent) is left out: its item no longer carries the entry's key and sort key
     * (so an order that left and re-entered a state is listed once, where it is now).
     */
    private List<Summary> summaries(List<Map<String, AttributeValue>> entries) {
        Map<String, Map<String, AttributeValue>> live = new HashMap<>();
        for (int from = 0; from < entries.size(); from += BATCH_GET) {
            live.putAll(batchGet(entries.subList(from, Math.min(entries.size(), from + BATCH_GET))));
        }
        List<Summary> summaries = new ArrayList<>();
        for (Map<String, AttributeValue> entry : entries) {
            Map<String, AttributeValue> item = live.get(entry.get(SyncItems.PK).s());
            if (item != null && entry.get(SyncIndexes.LIST_KEY).equals(item.get(SyncIndexes.LIST_KEY))
                    && entry.get(SyncIndexes.LIST_SK).equals(item.get(SyncIndexes.LIST_SK))) {
                summaries.add(SyncItems.summary(item));
            }
        }
        return summaries;
    }

    private Map<String, Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> entries) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String attribute : SyncItems.SUMMARY_ATTRIBUTES.split(",")) {
            names.put("#a" + names.size(), attribute);
        }
        List<Map<String, AttributeValue>> keys = entries.stream()
                .map(e -> Map.of(SyncItems.PK, e.get(SyncItems.PK))).toList();
        Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys)
                .projectionExpression(String.join(",", names.keySet())).expressionAttributeNames(names).build());
        Map<String, Map<String, AttributeValue>> found = new HashMap<>();
        try {
            // unprocessed keys (throttling) are asked again; the SDK's retry policy backs off between calls
            for (int round = 0; !request.isEmpty() && round < 5; round++) {
                Map<String, KeysAndAttributes> ask = request;
                var answer = dynamo.batchGetItem(b -> b.requestItems(ask));
                answer.responses().getOrDefault(table, List.of()).forEach(i -> found.put(i.get(SyncItems.PK).s(), i));
                request = answer.hasUnprocessedKeys() ? answer.unprocessedKeys() : Map.of();
            }
        } catch (SdkException e) {
            throw new StoreUnavailableException("BatchGetItem (listed sync states)", entries.size() + " orders", e);
        }
        if (!request.isEmpty()) {
            throw new StoreUnavailableException("BatchGetItem (listed sync states)", "unprocessed keys",
                    new IllegalStateException("keys left unprocessed after 5 rounds"));
        }
        return found;
    }

    private static String orderId(Map<String, AttributeValue> item) {
        return item.get(SyncItems.PK).s().substring(SyncItems.PREFIX.length());
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
