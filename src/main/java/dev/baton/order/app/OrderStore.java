package dev.baton.order.app;

import java.util.Optional;

import dev.baton.order.domain.Order;

/** Where orders live. Every write is conditional, so no change is ever lost or applied twice. */
public interface OrderStore {

    /** The order, if it exists (a strongly consistent read). */
    Optional<Order> find(String orderId);

    /**
     * Stores a new order.
     *
     * @throws OrderExistsException    when an order with this id exists
     * @throws OrderTooLargeException  when the order would exceed the item size Baton allows
     */
    void create(Order order);

    /**
     * Stores {@code order} if the stored order is still at {@code order.version() - 1}.
     *
     * @throws ConcurrentUpdateException when another write came first
     * @throws OrderTooLargeException    when the order would exceed the item size Baton allows
     */
    void update(Order order);

    /** An order with this id already exists. */
    final class OrderExistsException extends RuntimeException {
        public OrderExistsException(String orderId) {
            super("order exists: " + orderId);
        }
    }

    /** The stored order changed since it was read. */
    final class ConcurrentUpdateException extends RuntimeException {
        public ConcurrentUpdateException(String orderId) {
            super("order changed concurrently: " + orderId);
        }
    }

    /** The order would be larger than {@code limitBytes}; nothing was written. */
    final class OrderTooLargeException extends dev.baton.shared.app.TooLargeException {
        public OrderTooLargeException(String orderId, int limitBytes) {
            super("Order " + orderId + " would grow beyond " + limitBytes + " bytes; nothing was written.");
        }
    }
}
