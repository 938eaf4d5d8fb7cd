package dev.baton.sync.app;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.baton.order.app.OrderStore;
import dev.baton.shared.app.ConflictException;
import dev.baton.shared.app.NotFoundException;
import dev.baton.sync.domain.OrderSync;
import dev.baton.sync.domain.SyncState;

/**
 * What operators and readers do with the sync state of orders: read it, list it by state, redrive the orders async
 * processing stopped trying ({@code DEAD}, {@code NEEDS_REVIEW}).
 */
@ApplicationScoped
public class SyncOperations {

    private final SyncStore store;
    private final OrderStore orders;
    private final SyncAttempts attempts;
    private final Clock clock;

    SyncOperations(SyncStore store, OrderStore orders, SyncAttempts attempts, Clock clock) {
        this.store = store;
        this.orders = orders;
        this.attempts = attempts;
        this.clock = clock;
    }

    /** The sync state of {@code orderId} ({@code NOT_SYNCED} for an order never synced). */
    public OrderSync status(String orderId) {
        return store.find(orderId).orElseGet(() -> OrderSync.never(orderId, clock.instant()));
    }

    /** A page of orders in any of {@code states} (each one {@link SyncState#listed()}), newest first. */
    public SyncStore.Page list(java.util.List<SyncState> states, int limit, String cursor) {
        return store.list(states, limit, cursor);
    }

    /**
     * Sends a {@code DEAD} or {@code NEEDS_REVIEW} order back to async processing with a fresh attempt budget,
     * keeping its idempotency key (the downstream may have seen earlier attempts) and its recorded payload.
     *
     * @throws NotFoundException when there is no such order
     * @throws ConflictException when the order is neither, or changed meanwhile
     */
    public ProcessingResult redrive(String orderId) {
        Optional<OrderSync> found = store.find(orderId);
        if (found.isEmpty() && orders.find(orderId).isEmpty()) {
            throw new NotFoundException("No order " + orderId + ".");
        }
        OrderSync current = found.orElseGet(() -> OrderSync.never(orderId, clock.instant()));
        if (!OrderSync.REDRIVABLE.contains(current.state())) {
            throw new ConflictException("not-dead", "Order " + orderId + " is " + current.state()
                    + "; only DEAD and NEEDS_REVIEW orders can be redriven.");
        }
        Instant now = clock.instant();
        OrderSync redriven = current.redriven(now);
        try {
            store.write(redriven);
        } catch (SyncStore.StaleSyncException raced) {
            throw new ConflictException("concurrent-update", "Order " + orderId + " changed while it was being"
                    + " redriven; read it again.");
        }
        attempts.schedule(redriven, now);
        return ProcessingResult.of(redriven);
    }
}
