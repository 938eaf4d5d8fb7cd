package dev.baton.sync.infra;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.baton.shared.app.StoreUnavailableException;
import dev.baton.sync.domain.SyncState;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The listing index read as one stream, newest first: a k-way merge of every shard of the listed states, each
 * shard read a page at a time strictly after the listing position. Shards whose buffered entries run out are read
 * again together ({@link ShardReads}), so a page costs one parallel round of queries in the common case and more
 * only when the newest entries crowd into a few shards. Nothing is missed: an entry is taken only when it is the
 * newest head of all shards that may still hold one. Not thread-safe; one listing request's.
 */
final class ShardedListing {

    private final DynamoDbClient dynamo;
    private final String table;
    private final List<Shard> shards = new ArrayList<>();

    ShardedListing(DynamoDbClient dynamo, String table, List<SyncState> states, String after) {
        this.dynamo = dynamo;
        this.table = table;
        for (SyncState state : states) {
            for (int shard = 0; shard < SyncIndexes.LISTED_SHARDS; shard++) {
                shards.add(new Shard(SyncIndexes.listKey(state, shard), after));
            }
        }
    }

    /** Up to {@code n} next entries (keys only), newest first; fewer only when the listing holds no more. */
    List<Map<String, AttributeValue>> next(int n) {
        List<Map<String, AttributeValue>> taken = new ArrayList<>(n);
        while (taken.size() < n) {
            readEmptyShards(n - taken.size());
            Shard newest = null;
            for (Shard shard : shards) {
                if (!shard.buffer.isEmpty() && (newest == null || sortKey(shard.buffer.peek())
                        .compareTo(sortKey(newest.buffer.peek())) > 0)) {
                    newest = shard;
                }
            }
            if (newest == null) {
                break;
            }
            taken.add(newest.buffer.poll());
        }
        return taken;
    }

    /** Whether an entry follows the ones taken (reads the shards that need it to know). */
    boolean hasMore() {
        readEmptyShards(1);
        return shards.stream().anyMatch(s -> !s.buffer.isEmpty());
    }

    static String sortKey(Map<String, AttributeValue> entry) {
        return entry.get(SyncIndexes.LIST_SK).s();
    }

    private void readEmptyShards(int need) {
        List<Shard> empty = shards.stream().filter(Shard::mayHoldMore).toList();
        if (empty.isEmpty()) {
            return;
        }
        // the first round asks each shard for a fair share and some slack; a shard that runs dry is asked for all
        // that is still needed, since it then holds the newest entries
        int firstPage = Math.min(need, Math.max(4, 2 * need / shards.size() + 1));
        ShardReads.all(empty.size(), i -> {
            Shard shard = empty.get(i);
            shard.read(shard.read ? need : firstPage);
            return null;
        });
    }

    /** One shard's entries, buffered a page at a time. */
    private final class Shard {
        final String key;
        final String after;
        final ArrayDeque<Map<String, AttributeValue>> buffer = new ArrayDeque<>();
        Map<String, AttributeValue> lastKey;
        boolean read;

        Shard(String key, String after) {
            this.key = key;
            this.after = after;
        }

        boolean mayHoldMore() {
            return buffer.isEmpty() && (!read || lastKey != null);
        }

        void read(int limit) {
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
                QueryResponse page = dynamo.query(b -> b.tableName(table).indexName(SyncIndexes.LISTED)
                        .keyConditionExpression(keyCondition).expressionAttributeNames(names)
                        .expressionAttributeValues(values).scanIndexForward(false).limit(limit)
                        .exclusiveStartKey(lastKey));
                buffer.addAll(page.items());
                lastKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey()
                        : null;
                read = true;
            } catch (SdkException e) {
                throw new StoreUnavailableException("Query " + SyncIndexes.LISTED, key, e);
            }
        }
    }
}
