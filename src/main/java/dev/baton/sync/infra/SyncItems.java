package dev.baton.sync.infra;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import dev.baton.order.domain.NodeData;
import dev.baton.sync.app.SyncStore;
import dev.baton.sync.domain.DeadReason;
import dev.baton.sync.domain.OrderSync;
import dev.baton.sync.domain.SyncState;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one mapper between {@link OrderSync} and its item: {@code pk = sync#<order id>} in the orders table,
 * beside the order's own item, with the attributes of the sparse, sharded indexes ({@link SyncIndexes}) that apply.
 */
final class SyncItems {

    static final String PK = "pk";
    static final String PREFIX = "sync#";
    static final String ORDER_ID = "orderId";
    static final String STATE = "syncState";
    static final String ATTEMPT = "syncAttempt";
    static final String IDEMPOTENCY_KEY = "idemKey";
    static final String DOWNSTREAM = "downstream";
    static final String BUSINESS_TYPE = "businessType";
    static final String PAYLOAD = "syncPayload";
    static final String FIRST_ATTEMPT_AT = "firstAttemptAt";
    static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
    static final String LEASE_UNTIL = "leaseUntil";
    static final String LOST_LEASES = "lostLeases";
    static final String LAST_FAILURE = "lastFailure";
    static final String REFERENCE = "reference";
    static final String DEAD_REASON = "deadReason";
    static final String REDRIVES = "redrives";
    static final String CHANGED_AT = "syncChangedAt";
    static final String VERSION = "version";

    private SyncItems() {
    }

    static AttributeValue key(String orderId) {
        return AttributeValue.fromS(PREFIX + orderId);
    }

    static Map<String, AttributeValue> write(OrderSync s) {
        return write(s, s);
    }

    /** The item of {@code s}, on the index entries of {@code indexedAs} (a claim keeps those of the state it left). */
    static Map<String, AttributeValue> write(OrderSync s, OrderSync indexedAs) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, key(s.orderId()));
        item.put(ORDER_ID, AttributeValue.fromS(s.orderId()));
        item.put(STATE, AttributeValue.fromS(s.state().name()));
        putN(item, ATTEMPT, s.attempt());
        putS(item, IDEMPOTENCY_KEY, s.idempotencyKey());
        putS(item, DOWNSTREAM, s.downstream());
        putS(item, BUSINESS_TYPE, s.businessType());
        putS(item, PAYLOAD, s.payload() == null ? null : s.payload().json());
        putMillis(item, FIRST_ATTEMPT_AT, s.firstAttemptAt());
        putMillis(item, NEXT_ATTEMPT_AT, s.nextAttemptAt());
        putMillis(item, LEASE_UNTIL, s.leaseUntil());
        putN(item, LOST_LEASES, s.lostLeases());
        putS(item, LAST_FAILURE, s.lastFailure() == null ? null : LastFailureJson.write(s.lastFailure()));
        putS(item, REFERENCE, s.reference());
        putS(item, DEAD_REASON, s.deadReason() == null ? null : s.deadReason().name());
        putN(item, REDRIVES, s.redrives());
        putMillis(item, CHANGED_AT, s.changedAt());
        putN(item, VERSION, s.version());
        SyncIndexes.put(item, indexedAs);
        return item;
    }

    static OrderSync read(Map<String, AttributeValue> item) {
        return new OrderSync(item.get(ORDER_ID).s(), SyncState.valueOf(item.get(STATE).s()), n(item, ATTEMPT),
                s(item, IDEMPOTENCY_KEY), s(item, DOWNSTREAM), s(item, BUSINESS_TYPE),
                item.containsKey(PAYLOAD) ? new NodeData(s(item, PAYLOAD)) : null, millis(item, FIRST_ATTEMPT_AT),
                millis(item, NEXT_ATTEMPT_AT), millis(item, LEASE_UNTIL), n(item, LOST_LEASES),
                item.containsKey(LAST_FAILURE) ? LastFailureJson.read(s(item, LAST_FAILURE)) : null,
                s(item, REFERENCE), item.containsKey(DEAD_REASON) ? DeadReason.valueOf(s(item, DEAD_REASON)) : null,
                n(item, REDRIVES), millis(item, CHANGED_AT), n(item, VERSION));
    }

    /** The attributes {@link #summary} reads: what a listing fetches of each listed item (no payload, no key). */
    static final String SUMMARY_ATTRIBUTES = String.join(",", PK, ORDER_ID, BUSINESS_TYPE, STATE, ATTEMPT, DOWNSTREAM,
            NEXT_ATTEMPT_AT, LEASE_UNTIL, CHANGED_AT, LAST_FAILURE, DEAD_REASON, SyncIndexes.LIST_KEY,
            SyncIndexes.LIST_SK);

    /** The listing's view of a sync item. */
    static SyncStore.Summary summary(Map<String, AttributeValue> item) {
        return new SyncStore.Summary(s(item, ORDER_ID), s(item, BUSINESS_TYPE), SyncState.valueOf(s(item, STATE)),
                n(item, ATTEMPT), s(item, DOWNSTREAM), millis(item, NEXT_ATTEMPT_AT), millis(item, LEASE_UNTIL),
                millis(item, CHANGED_AT), item.containsKey(LAST_FAILURE) ? LastFailureJson.read(s(item, LAST_FAILURE))
                : null, item.containsKey(DEAD_REASON) ? DeadReason.valueOf(s(item, DEAD_REASON)) : null);
    }

    static String s(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? item.get(name).s() : null;
    }

    static int n(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? Integer.parseInt(item.get(name).n()) : 0;
    }

    static Instant millis(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? Instant.ofEpochMilli(Long.parseLong(item.get(name).n())) : null;
    }

    private static void putS(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    private static void putN(Map<String, AttributeValue> item, String name, long value) {
        item.put(name, AttributeValue.fromN(Long.toString(value)));
    }

    private static void putMillis(Map<String, AttributeValue> item, String name, Instant value) {
        if (value != null) {
            putN(item, name, value.toEpochMilli());
        }
    }
}
