package dev.baton.sync.infra;

import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import dev.baton.sync.domain.OrderSync;
import dev.baton.sync.domain.SyncState;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The one-off migration of sync items to the sparse, sharded indexes ({@link SyncIndexes}, issue 16): rewrites
 * every sync item whose index attributes are not the ones its state calls for (items written before the
 * redesign carry {@code dueState} and no {@code listKey}/{@code dueKey}). It has to read every sync item, so it
 * pages through the table with Scan (filtered to {@code sync#} keys) — a migration, never a request path.
 * <ul>
 *   <li>Idempotent: an item already right is not written; running it twice writes nothing the second time.</li>
 *   <li>Safe beside live traffic: each rewrite is conditioned on the item's version, so a transition stored
 *       meanwhile wins (and wrote the right attributes itself).</li>
 *   <li>Resumable: every page reports the position after it ({@link Progress#resumeAfter()}); run again from
 *       there after an interruption.</li>
 * </ul>
 * Run locally at every start of the local stack; deployed, with {@code infra/migrate/backfill-sync-indexes.sh}.
 */
public final class SyncIndexBackfill {

    /** The partition key attribute of the old {@code bySyncDue} index. */
    private static final String OLD_DUE_STATE = "dueState";

    private final DynamoDbClient dynamo;
    private final String table;

    /** A backfill of the orders table {@code table}. */
    public SyncIndexBackfill(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /**
     * Runs the backfill of a deployed orders table with the default AWS credentials and region:
     * {@code SyncIndexBackfill <table> [resume-after]}; prints the progress after every page.
     */
    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: SyncIndexBackfill <orders table> [resume-after]");
            System.exit(2);
        }
        try (DynamoDbClient dynamo = DynamoDbClient.create()) {
            Progress done = new SyncIndexBackfill(dynamo, args[0]).run(args.length == 2 ? args[1] : null, 500,
                    p -> System.out.printf("scanned %d, rewritten %d, resume-after %s%n", p.scanned(), p.rewritten(),
                            p.resumeAfter() == null ? "(done)" : p.resumeAfter()));
            System.out.printf("backfill done: %d sync items looked at, %d rewritten%n", done.scanned(),
                    done.rewritten());
        }
    }

    /** How far a backfill got: items looked at, items rewritten, and where to resume (null when done). */
    public record Progress(long scanned, long rewritten, String resumeAfter) {
    }

    /** Runs from {@code resumeAfter} (null: the start) to the end, reporting every page to {@code each}. */
    public Progress run(String resumeAfter, int pageSize, Consumer<Progress> each) {
        long scanned = 0;
        long rewritten = 0;
        String position = resumeAfter;
        do {
            Progress page = page(position, pageSize);
            scanned += page.scanned();
            rewritten += page.rewritten();
            position = page.resumeAfter();
            each.accept(new Progress(scanned, rewritten, position));
        } while (position != null);
        return new Progress(scanned, rewritten, null);
    }

    /** One page of at most {@code pageSize} table items from {@code resumeAfter} (a table key; null: the start). */
    public Progress page(String resumeAfter, int pageSize) {
        var page = dynamo.scan(b -> b.tableName(table).limit(pageSize).consistentRead(true)
                .filterExpression("begins_with(#pk, :sync)")
                .expressionAttributeNames(Map.of("#pk", SyncItems.PK))
                .expressionAttributeValues(Map.of(":sync", AttributeValue.fromS(SyncItems.PREFIX)))
                .exclusiveStartKey(resumeAfter == null ? null
                        : Map.of(SyncItems.PK, AttributeValue.fromS(resumeAfter))));
        long rewritten = 0;
        for (Map<String, AttributeValue> item : page.items()) {
            if (rewrite(item)) {
                rewritten++;
            }
        }
        String next = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                ? page.lastEvaluatedKey().get(SyncItems.PK).s() : null;
        return new Progress(page.items().size(), rewritten, next);
    }

    private boolean rewrite(Map<String, AttributeValue> item) {
        OrderSync sync = SyncItems.read(item);
        Map<String, AttributeValue> wanted = SyncItems.write(sync);
        if (indexAttributesMatch(item, sync.state(), wanted)) {
            return false;
        }
        try {
            dynamo.putItem(b -> b.tableName(table).item(wanted).conditionExpression("#v = :v")
                    .expressionAttributeNames(Map.of("#v", SyncItems.VERSION))
                    .expressionAttributeValues(Map.of(":v", item.get(SyncItems.VERSION))));
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false; // a transition was stored meanwhile, with the right index attributes
        }
    }

    /**
     * True when {@code item} has exactly the index attributes of {@code wanted} and none of the old design's. A
     * retry's claim ({@code SYNCING} kept on its {@code ASYNC_PENDING} entries) is right as it is.
     */
    private static boolean indexAttributesMatch(Map<String, AttributeValue> item, SyncState state,
                                                Map<String, AttributeValue> wanted) {
        if (item.containsKey(OLD_DUE_STATE)) {
            return false;
        }
        if (state == SyncState.SYNCING && item.containsKey(SyncIndexes.DUE_KEY)
                && item.get(SyncIndexes.DUE_KEY).s().startsWith(SyncState.ASYNC_PENDING.name() + "#")) {
            return true; // a claimed retry
        }
        for (String name : new String[] {SyncIndexes.LIST_KEY, SyncIndexes.LIST_SK, SyncIndexes.DUE_KEY,
                SyncIndexes.DUE_AT}) {
            if (!Objects.equals(item.get(name), wanted.get(name))) {
                return false;
            }
        }
        return true;
    }
}
