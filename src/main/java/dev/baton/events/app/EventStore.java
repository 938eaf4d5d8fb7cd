package dev.baton.events.app;

import java.util.List;

import dev.baton.events.domain.OrderEvent;

/**
 * The stored events of every order, as they were published, for {@code GET /v1/orders/{id}/events} and the
 * console's timeline. Written only by {@link EventRelay}, read by {@link EventTimeline}.
 */
public interface EventStore {

    /**
     * Keeps {@code event} unless an event with its id is kept already: a redelivered stream record stores nothing
     * twice. Returns false for such a redelivery. Throws when the store did not answer, so the record is read again.
     */
    boolean add(OrderEvent event);

    /**
     * Up to {@code limit} events of {@code orderId}, oldest first (by commit time, then stream and sequence),
     * continuing after {@code cursor} (null: from the first); throws {@link BadCursorException} for a cursor this
     * store did not issue.
     */
    Page page(String orderId, int limit, String cursor);

    /** One page of an order's events; {@code nextCursor} is null on the last page. */
    record Page(List<OrderEvent> events, String nextCursor) {
        public Page {
            events = List.copyOf(events);
        }
    }

    /** A cursor that is not one this store issued. */
    class BadCursorException extends RuntimeException {
        public BadCursorException() {
            super("not a cursor of an order's events", null, false, false);
        }
    }
}
