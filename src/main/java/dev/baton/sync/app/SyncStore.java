package dev.baton.sync.app;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.baton.sync.domain.DeadReason;
import dev.baton.sync.domain.LastFailure;
import dev.baton.sync.domain.OrderSync;
import dev.baton.sync.domain.SyncState;

/**
 * Where the sync state of orders lives: one small record per order, apart from the order itself (so an
 * order's writers and the sync's writers never overwrite each other). Every write is a transition of
 * {@link OrderSync}, stored only if the stored version is still the one the transition started from.
 */
public interface SyncStore {

    /** The largest payload a sync records (the sync record must stay within DynamoDB's 400 KB item limit). */
    int MAX_PAYLOAD_BYTES = 380_000;

    /** The order's sync state, if it was ever synced (a strongly consistent read). */
    Optional<OrderSync> find(String orderId);

    /**
     * Stores {@code next}, the result of a transition, if the stored version is {@code next.version() - 1}
     * (nothing stored for version 1).
     *
     * @throws StaleSyncException when another transition was stored first: nothing was written
     * @throws dev.baton.shared.app.StoreUnavailableException when the store failed; the write may or may not
     *                                                        have happened
     */
    void write(OrderSync next);

    /**
     * Stores {@code claimed}, a {@code SYNCING} claim made from {@code from}, like {@link #write}. A retry's claim
     * (from {@code ASYNC_PENDING}) stays where {@code from} was listed and due, so it costs no index write; the
     * order's due time there is then earlier than its lease's end, and the sweeper reads such an order and skips
     * it while the lease lives.
     */
    void claim(OrderSync from, OrderSync claimed);

    /**
     * Orders recorded as due in {@code state} ({@code ASYNC_PENDING} or {@code SYNCING}) before {@code before}:
     * from every shard of the due index, up to {@code limitPerShard} each, oldest first within a shard. A recorded
     * due time is never later than the real one, so the caller reads each order and decides; an order claimed by a
     * retry is recorded as due in {@code ASYNC_PENDING} at the time its attempt was due.
     */
    List<Due> due(SyncState state, Instant before, int limitPerShard);

    /**
     * A page of the orders in any of {@code states} (all {@link SyncState#listed()}), newest first: by when the
     * order entered its state, for {@code ASYNC_PENDING} when its sync started. An order whose retry attempt is
     * running is listed with {@code ASYNC_PENDING} and shows as {@code SYNCING}.
     */
    Page list(List<SyncState> states, int limit, String cursor);

    /** An order waiting for an attempt (or holding a lease) and when that is due. */
    record Due(String orderId, Instant dueAt) {
    }

    /** A page of sync summaries; {@code nextCursor} is null on the last page. */
    record Page(List<Summary> orders, String nextCursor) {
    }

    /** An order's sync state as the listing index holds it: no payload, no idempotency key. */
    record Summary(String orderId, String businessType, SyncState state, int attempt, String downstream,
                   Instant nextAttemptAt, Instant leaseUntil, Instant changedAt, LastFailure lastFailure,
                   DeadReason deadReason) {
    }

    /** Another transition of the same order was stored first. */
    final class StaleSyncException extends RuntimeException {
        public StaleSyncException(String orderId) {
            super("sync state of order " + orderId + " changed concurrently");
        }
    }

    /** A cursor that does not decode into a position of this listing. */
    final class BadCursorException extends RuntimeException {
        public BadCursorException() {
            super("cursor is not one this listing issued");
        }
    }
}
