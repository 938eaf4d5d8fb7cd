package dev.baton.sync.app;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import dev.baton.order.app.OrderStore;
import dev.baton.order.domain.Order;
import dev.baton.order.domain.SyncState;
import dev.baton.order.domain.SyncStatus;
import dev.baton.shared.app.ConflictException;
import dev.baton.shared.app.NotFoundException;
import dev.baton.shared.app.StoreUnavailableException;

/** What an operator does with orders in async processing: list them by state, and redrive dead ones. */
@ApplicationScoped
public class SyncOperations {

    private final SyncStore store;
    private final OrderStore orders;
    private final RetryQueue queue;
    private final Clock clock;

    SyncOperations(SyncStore store, OrderStore orders, RetryQueue queue, Clock clock) {
        this.store = store;
        this.orders = orders;
        this.queue = queue;
        this.clock = clock;
    }

    /** A page of orders in {@code state}, newest change first. */
    public SyncStore.Page list(SyncState state, int limit, String cursor) {
        return store.list(state, limit, cursor);
    }

    /**
     * Sends a {@code DEAD} order back to async processing with a fresh attempt budget (attempt 1 now, the
     * deadline restarting), keeping its idempotency key: the downstream may have seen earlier attempts.
     *
     * @throws ConflictException when the order is not {@code DEAD}
     */
    public ProcessingResult redrive(String orderId) {
        Order order = orders.find(orderId).orElseThrow(() -> new NotFoundException("No order " + orderId + "."));
        if (order.syncState() != SyncState.DEAD) {
            throw new ConflictException("not-dead", "Order " + orderId + " is " + order.syncState()
                    + "; only DEAD orders can be redriven.");
        }
        Instant now = clock.instant();
        if (!store.requeue(orderId, SyncState.DEAD, order.sync().attempt(), null, 0, now, now, true)) {
            throw new ConflictException("concurrent-update", "Order " + orderId + " changed while it was being"
                    + " redriven; read it again.");
        }
        try {
            queue.schedule(orderId, 1, now, now);
        } catch (StoreUnavailableException e) {
            // ASYNC_PENDING and due now: the sweeper sends it within a minute
        }
        SyncStatus s = order.sync();
        return ProcessingResult.of(order.withSync(new SyncStatus(SyncState.ASYNC_PENDING, 0, s.idempotencyKey(),
                s.downstream(), now, now, null, s.lastFailure(), null, s.payload(), now), now));
    }
}
