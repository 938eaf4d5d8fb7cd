package dev.baton.events.app;

import jakarta.enterprise.context.ApplicationScoped;

import dev.baton.order.app.OrderService;
import dev.baton.order.domain.Caller;

/**
 * Reads an order's stored events for a caller who may read the order itself: the same decision, and the same
 * refusals, as {@code GET /v1/orders/{id}} (a stranger gets the 404 of an unknown id, a former owner the 409).
 */
@ApplicationScoped
public class EventTimeline {

    private final OrderService orders;
    private final EventStore store;

    EventTimeline(OrderService orders, EventStore store) {
        this.orders = orders;
        this.store = store;
    }

    /** One page of the events of {@code orderId} (one read of the order, one query of the events). */
    public EventStore.Page read(String orderId, Caller caller, int limit, String cursor) {
        orders.read(orderId, caller);
        return store.page(orderId, limit, cursor);
    }
}
