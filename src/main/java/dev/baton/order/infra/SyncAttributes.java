package dev.baton.order.infra;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.baton.order.domain.NodeData;
import dev.baton.order.domain.SyncState;
import dev.baton.order.domain.SyncStatus;
import dev.baton.shared.infra.CanonicalJson;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The sync status of an order as top-level attributes of its item, so conditions and the sync indexes
 * can use them. {@code dueState}/{@code dueAt} are set only while an order waits for an attempt
 * ({@code ASYNC_PENDING}: the next attempt; {@code SYNCING}: the lease expiry), which keeps the sweeper's
 * index sparse: it holds exactly the orders that may need recovering.
 */
final class SyncAttributes {

    static final String STATE = "syncState";
    static final String ATTEMPT = "syncAttempt";
    static final String IDEMPOTENCY_KEY = "idemKey";
    static final String DOWNSTREAM = "downstream";
    static final String FIRST_ATTEMPT_AT = "firstAttemptAt";
    static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
    static final String LEASE_UNTIL = "leaseUntil";
    static final String LAST_FAILURE = "lastFailure";
    static final String REFERENCE = "reference";
    static final String PAYLOAD = "syncPayload";
    static final String CHANGED_AT = "syncChangedAt";
    static final String DUE_STATE = "dueState";
    static final String DUE_AT = "dueAt";

    /** Every attribute this class writes (an update removes those a status leaves unset). */
    static final List<String> ALL = List.of(STATE, ATTEMPT, IDEMPOTENCY_KEY, DOWNSTREAM, FIRST_ATTEMPT_AT,
            NEXT_ATTEMPT_AT, LEASE_UNTIL, LAST_FAILURE, REFERENCE, PAYLOAD, CHANGED_AT, DUE_STATE, DUE_AT);

    private SyncAttributes() {
    }

    static Map<String, AttributeValue> write(SyncStatus s) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(STATE, AttributeValue.fromS(s.state().name()));
        item.put(ATTEMPT, AttributeValue.fromN(Integer.toString(s.attempt())));
        putMillis(item, CHANGED_AT, s.changedAt());
        putS(item, IDEMPOTENCY_KEY, s.idempotencyKey());
        putS(item, DOWNSTREAM, s.downstream());
        putS(item, FIRST_ATTEMPT_AT, s.firstAttemptAt() == null ? null : s.firstAttemptAt().toString());
        putMillis(item, NEXT_ATTEMPT_AT, s.nextAttemptAt());
        putMillis(item, LEASE_UNTIL, s.leaseUntil());
        putS(item, REFERENCE, s.reference());
        putS(item, PAYLOAD, s.payload() == null ? null : s.payload().json());
        if (s.lastFailure() != null) {
            item.put(LAST_FAILURE, AttributeValue.fromS(lastFailure(s.lastFailure())));
        }
        Instant due = s.state() == SyncState.ASYNC_PENDING ? s.nextAttemptAt()
                : s.state() == SyncState.SYNCING ? s.leaseUntil() : null;
        if (due != null) {
            item.put(DUE_STATE, AttributeValue.fromS(s.state().name()));
            putMillis(item, DUE_AT, due);
        }
        return item;
    }

    /** Reads the sync status of an item (or of a sparse index projection of it). */
    static SyncStatus read(Map<String, AttributeValue> item, Instant fallback) {
        if (!item.containsKey(STATE)) {
            return SyncStatus.never(fallback);
        }
        return new SyncStatus(SyncState.valueOf(item.get(STATE).s()),
                item.containsKey(ATTEMPT) ? Integer.parseInt(item.get(ATTEMPT).n()) : 0,
                s(item, IDEMPOTENCY_KEY), s(item, DOWNSTREAM),
                item.containsKey(FIRST_ATTEMPT_AT) ? Instant.parse(s(item, FIRST_ATTEMPT_AT)) : null,
                millis(item, NEXT_ATTEMPT_AT), millis(item, LEASE_UNTIL), lastFailure(item), s(item, REFERENCE),
                item.containsKey(PAYLOAD) ? new NodeData(s(item, PAYLOAD)) : null,
                item.containsKey(CHANGED_AT) ? millis(item, CHANGED_AT) : fallback);
    }

    private static String lastFailure(SyncStatus.LastFailure f) {
        var node = CanonicalJson.mapper().createObjectNode();
        node.put("category", f.category());
        node.put("ruleId", f.ruleId());
        node.put("source", f.source());
        node.put("kind", f.kind());
        if (f.httpStatus() != null) {
            node.put("httpStatus", f.httpStatus());
        }
        node.put("code", f.code());
        node.put("message", f.message());
        node.put("at", f.at() == null ? null : f.at().toString());
        return CanonicalJson.text(node);
    }

    private static SyncStatus.LastFailure lastFailure(Map<String, AttributeValue> item) {
        if (!item.containsKey(LAST_FAILURE)) {
            return null;
        }
        JsonNode f = CanonicalJson.parse(item.get(LAST_FAILURE).s());
        return new SyncStatus.LastFailure(text(f, "category"), text(f, "ruleId"), text(f, "source"), text(f, "kind"),
                f.hasNonNull("httpStatus") ? f.get("httpStatus").asInt() : null, text(f, "code"), text(f, "message"),
                f.hasNonNull("at") ? Instant.parse(f.get("at").asText()) : null);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? item.get(name).s() : null;
    }

    private static Instant millis(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? Instant.ofEpochMilli(Long.parseLong(item.get(name).n())) : null;
    }

    private static void putS(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    private static void putMillis(Map<String, AttributeValue> item, String name, Instant value) {
        if (value != null) {
            item.put(name, AttributeValue.fromN(Long.toString(value.toEpochMilli())));
        }
    }

}
