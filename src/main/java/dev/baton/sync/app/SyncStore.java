package dev.baton.sync.app;

import java.time.Instant;
import java.util.Set;

import dev.baton.order.domain.Order;
import dev.baton.order.domain.SyncState;

/**
 * The sync state of orders, changed with single conditional writes: a claim (lease) before the downstream
 * is called, and the outcome after. The claim returns the order, so an attempt costs two DynamoDB calls.
 */
public interface SyncStore {

    /**
     * Moves an order into {@code SYNCING} for attempt {@code attempt} with a lease until {@code leaseUntil},
     * if its state is one of {@code from} (and, when {@code expectedAttempt} is set, its attempt is that).
     * {@code newKey}/{@code downstream} start a new sync (a new idempotency key, first attempt now); null
     * keeps the current ones (a retry).
     *
     * @return the order after the claim ({@code won}), or the order as it is (not won)
     * @throws dev.baton.shared.app.NotFoundException when there is no such order
     */
    Claim claim(String orderId, Set<SyncState> from, Integer expectedAttempt, int attempt, Instant leaseUntil,
                Instant now, String newKey, String downstream);

    /**
     * Puts an order back into {@code ASYNC_PENDING} due at {@code dueAt} with attempt {@code newAttempt}, if it
     * is still in {@code from} at attempt {@code attempt} (and, when {@code expectedDueAt} is set, due then):
     * the sweeper's recovery of lost messages and expired leases, and an operator's redrive ({@code freshBudget}
     * restarts the deadline). Safe to race: exactly one of several identical calls wins.
     *
     * @return true when this call changed the order
     */
    boolean requeue(String orderId, SyncState from, int attempt, Instant expectedDueAt, int newAttempt,
                    Instant dueAt, Instant now, boolean freshBudget);

    /** Orders in {@code state} ({@code ASYNC_PENDING} or {@code SYNCING}) due before {@code before}, oldest first. */
    java.util.List<Due> due(SyncState state, Instant before, int limit);

    /** An order waiting for an attempt (or holding a lease) and when that is due. */
    record Due(String orderId, int attempt, Instant dueAt) {
    }

    /** A page of orders in one sync state, newest change first, and the cursor of the next page. */
    Page list(SyncState state, int limit, String cursor);

    /** A page of sync summaries; {@code nextCursor} is null on the last page. */
    record Page(java.util.List<Summary> orders, String nextCursor) {
    }

    /** An order's sync status as the state index holds it (no payload, no progress). */
    record Summary(String orderId, String businessType, dev.baton.order.domain.SyncStatus sync) {
    }

    /**
     * A cursor that does not decode into a position of this listing.
     */
    final class BadCursorException extends RuntimeException {
        public BadCursorException() {
            super("cursor is not one this listing issued");
        }
    }

    /** The result of a claim. */
    record Claim(Order order, boolean won) {
    }

    /**
     * Writes {@code order.sync()} if the order still holds the lease it was claimed with: {@code SYNCING} at
     * attempt {@code leasedAttempt} with idempotency key {@code key}. The condition is the lease, not the
     * whole item's version, so a node completion or handoff during the downstream call (which change other
     * attributes) does not void the outcome; the item's version still goes up by one.
     *
     * @throws dev.baton.order.app.OrderStore.ConcurrentUpdateException when the lease was lost (the sweeper
     *                                                                   took an expired lease back)
     */
    void record(Order order, int leasedAttempt, String key);
}
