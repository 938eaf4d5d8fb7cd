package dev.baton.order.app;

import dev.baton.order.domain.Order;
import dev.baton.order.domain.OrderAccess.Verdict;
import dev.baton.order.domain.Owner;
import dev.baton.shared.app.ConflictException;
import dev.baton.shared.app.NotFoundException;
import dev.baton.shared.domain.Mask;

/**
 * Turns {@link dev.baton.order.domain.OrderAccess} verdicts into what callers are told. A hidden order is
 * refused with the very exception an unknown id gets, so both answers are the same byte for byte.
 */
final class OrderGuard {

    private OrderGuard() {
    }

    /** The answer for an order that does not exist, or that the caller may not know about. */
    static NotFoundException unknown(String orderId) {
        return new NotFoundException("No order " + orderId + ".");
    }

    /** {@code order} when {@code verdict} allows access; otherwise the refusal it calls for. */
    static Order allow(Verdict verdict, Order order) {
        return switch (verdict) {
            case FULL, MASKED -> order;
            case NOT_OWNER -> throw notOwner(order);
            case HIDDEN -> throw unknown(order.id());
        };
    }

    /** The 409 that names the current owner (masked), for callers who know the order exists. */
    static ConflictException notOwner(Order order) {
        Owner owner = order.owner();
        if (owner == null) {
            return new ConflictException("not-owner", "Order " + order.id() + " belongs to another terminal.");
        }
        return new ConflictException("not-owner", "Order " + order.id() + " is owned by platform " + owner.platform()
                + ", terminal " + Mask.id(owner.terminalId()) + " (since " + owner.since() + ").");
    }
}
