package dev.baton.order.domain;

import java.time.Instant;

import dev.baton.sync.domain.Classification;

/**
 * Where an order stands with its downstream: the state, the attempt being made or last made, the
 * idempotency key every attempt of this sync carries, when the next attempt is due, the lease a worker
 * holds while it calls the downstream, the last failure's classification, and the downstream's reference
 * on success. The payload is the data recorded for re-running the sync (personal data: never logged).
 *
 * @param leaseUntil     while {@code SYNCING}: when the lease of the caller or worker expires
 * @param nextAttemptAt  while {@code ASYNC_PENDING}: when the next attempt is due
 */
public record SyncStatus(SyncState state, int attempt, String idempotencyKey, String downstream,
                         Instant firstAttemptAt, Instant nextAttemptAt, Instant leaseUntil, LastFailure lastFailure,
                         String reference, NodeData payload, Instant changedAt) {

    /** An order that was never synced. */
    public static SyncStatus never(Instant now) {
        return new SyncStatus(SyncState.NOT_SYNCED, 0, null, null, null, null, null, null, null, null, now);
    }

    public SyncStatus {
        if (state == null || changedAt == null || attempt < 0) {
            throw new IllegalArgumentException("sync status needs a state, a change time and attempt >= 0");
        }
    }

    /** What was learnt from the last failed attempt: its classification, never the payload. */
    public record LastFailure(String category, String ruleId, String source, String kind, Integer httpStatus,
                              String code, String message, Instant at) {

        /** The summary of {@code c}; {@code maskedMessage} must already be masked. */
        public static LastFailure of(Classification c, String maskedMessage, Instant at) {
            return new LastFailure(c.category().name(), c.ruleId(), c.source().name(), c.failure().kind().name(),
                    c.failure().httpStatus(), c.failure().code(), maskedMessage, at);
        }
    }
}
