package dev.baton.sync.infra;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.zip.CRC32;

import dev.baton.sync.domain.OrderSync;
import dev.baton.sync.domain.SyncState;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The two sparse, write-sharded secondary indexes of sync items, and the index attributes an item carries.
 * <ul>
 *   <li>{@value #LISTED} (operators' listing): {@code listKey = <state>#<shard>}, {@code listSk =
 *       <13-digit epoch millis>#<order id>}, only while the state is {@link SyncState#listed()}. Its time is when
 *       the order entered the state; for {@code ASYNC_PENDING} when its sync started (so a failed retry that
 *       stays {@code ASYNC_PENDING} does not move its entry). Keys only: the listing reads the live items.</li>
 *   <li>{@value #DUE} (the sweeper's): {@code dueKey = <state>#<shard>}, {@code dueAt} (epoch millis), only while
 *       an attempt is due ({@code ASYNC_PENDING}: the next attempt) or leased ({@code SYNCING}: the lease's end).
 *       Keys only.</li>
 * </ul>
 * A retry worker's claim keeps the index entries of the {@code ASYNC_PENDING} state it claims (same keys, nothing
 * projected changes: no index write); the due entry's time is then earlier than the lease's end, which only makes
 * the sweeper look earlier (it reads the item and skips a live lease). Shards spread the writes: a shard is the
 * CRC-32 of the order id modulo the shard count, so one order always lands in the same shard. The counts are
 * fixed (changing one moves entries to shards nobody reads until the index backfill rewrites them):
 * {@value #LISTED_SHARDS} listing shards and {@value #DUE_SHARDS} due shards keep every index partition well under
 * DynamoDB's ~1,000 writes/s at 10,000 syncs/s (src/bench/README.md, "Capacity model"). Public for the outage
 * simulation of the benchmarks, which uses the real shard function and keys.
 */
public final class SyncIndexes {

    /** The operators' listing index. */
    static final String LISTED = "syncListed";
    /** The sweeper's index. */
    static final String DUE = "syncDue";
    /** Shards of the listing index: a listing page queries each listed state's shards. */
    public static final int LISTED_SHARDS = 16;
    /** Shards of the due index: every sweep queries all of them. */
    public static final int DUE_SHARDS = 128;

    static final String LIST_KEY = "listKey";
    static final String LIST_SK = "listSk";
    static final String DUE_KEY = "dueKey";
    static final String DUE_AT = "dueAt";

    private SyncIndexes() {
    }

    /** The shard of {@code orderId} among {@code shards}. */
    public static int shard(String orderId, int shards) {
        CRC32 crc = new CRC32();
        crc.update(orderId.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % shards);
    }

    /** The listing index's partition key of {@code state} in {@code shard}. */
    public static String listKey(SyncState state, int shard) {
        return state.name() + "#" + shard;
    }

    /** The due index's partition key of {@code state} in {@code shard}. */
    public static String dueKey(SyncState state, int shard) {
        return state.name() + "#" + shard;
    }

    /** The listing sort key: newest first is descending order of this string. */
    static String listSk(Instant at, String orderId) {
        return String.format("%013d#%s", at.toEpochMilli(), orderId);
    }

    /** Adds the index attributes of {@code s} to {@code item} (none when {@code s} is neither listed nor due). */
    static void put(Map<String, AttributeValue> item, OrderSync s) {
        if (s.state().listed()) {
            Instant since = s.state() == SyncState.ASYNC_PENDING ? s.firstAttemptAt() : s.changedAt();
            item.put(LIST_KEY, AttributeValue.fromS(listKey(s.state(), shard(s.orderId(), LISTED_SHARDS))));
            item.put(LIST_SK, AttributeValue.fromS(listSk(since, s.orderId())));
        }
        Instant due = s.state() == SyncState.ASYNC_PENDING ? s.nextAttemptAt() : s.leaseUntil();
        if (due != null) {
            item.put(DUE_KEY, AttributeValue.fromS(dueKey(s.state(), shard(s.orderId(), DUE_SHARDS))));
            item.put(DUE_AT, AttributeValue.fromN(Long.toString(due.toEpochMilli())));
        }
    }
}
