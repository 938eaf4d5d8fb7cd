package dev.baton.sync.infra;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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

/**
 * {@link SyncStore} on the orders table: each order's sync state is its own small item ({@link SyncItems}),
 * so the order's writers and the sync's writers never overwrite each other. Every transition is one PutItem
 * conditioned on the version it started from — the storage side of {@link OrderSync}'s transitions, which it
 * maps without re-implementing them. Listing and sweeping read the sharded indexes of {@link SyncIndexes}: every
 * shard, several at once ({@link ShardReads}), never a Scan.
 */
@ApplicationScoped
public class DynamoSyncStore implements SyncStore {

    /** Batches of the listing's reads of live items (BatchGetItem takes at most 100 keys). */
    private static final int BATCH_GET = 100;

    private final DynamoDbClient dynamo;
    private final String table;

    @Inject
    DynamoSyncStore(DynamoDbClient dynamo, BatonConfig config) {
        this(dynamo, config.tables().orders());
    }

    /** A store on {@code table}: for tests that read a table of their own. */
    DynamoSyncStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
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
        List<List<Due>> shards = ShardReads.all(SyncIndexes.DUE_SHARDS, shard -> {
            String key = SyncIndexes.dueKey(state, shard);
            try {
                return dynamo.query(b -> b.tableName(table).indexName(SyncIndexes.DUE)
                        .keyConditionExpression("#k = :k AND #at <= :before")
                        .expressionAttributeNames(Map.of("#k", SyncIndexes.DUE_KEY, "#at", SyncIndexes.DUE_AT))
                        .expressionAttributeValues(Map.of(":k", AttributeValue.fromS(key), ":before",
                                n(before.toEpochMilli())))
                        .limit(limitPerShard)).items().stream()
                        .map(item -> new Due(orderId(item), SyncItems.millis(item, SyncIndexes.DUE_AT))).toList();
            } catch (SdkException e) {
                throw new StoreUnavailableException("Query " + SyncIndexes.DUE, key, e);
            }
        });
        return shards.stream().flatMap(List::stream).toList();
    }

    @Override
    public Page list(List<SyncState> states, int limit, String cursor) {
        if (states.isEmpty() || !states.stream().allMatch(SyncState::listed)) {
            throw new IllegalArgumentException("only listed states are listed, not " + states);
        }
        String after = cursor == null ? null : Cursors.decode(cursor, states);
        ShardedListing listing = new ShardedListing(dynamo, table, states, after);
        List<Summary> found = new ArrayList<>(limit);
        String last = null;
        // entries whose order moved on are left out, so take more until the page is full or the listing ends
        while (found.size() < limit) {
            List<Map<String, AttributeValue>> entries = listing.next(limit - found.size());
            if (entries.isEmpty()) {
                break;
            }
            found.addAll(summaries(entries));
            last = ShardedListing.sortKey(entries.get(entries.size() - 1));
        }
        String next = last != null && listing.hasMore() ? Cursors.encode(states, last) : null;
        return new Page(found, next);
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
