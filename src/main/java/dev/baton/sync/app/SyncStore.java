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

    /** The result of a claim. */
    record Claim(Order order, boolean won) {
    }

    /**
     * Writes {@code order.sync()} if the stored order is still at {@code order.version() - 1}.
     *
     * @throws dev.baton.order.app.OrderStore.ConcurrentUpdateException when it is not
     */
    void record(Order order);
}
