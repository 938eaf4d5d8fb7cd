package dev.baton.order.domain;

/**
 * What completing a node did. Callers switch over {@link #kind()} without {@code default}, so a new kind
 * is a compile error until handled.
 *
 * @param order    the order to store ({@code COMPLETED}) or the unchanged order ({@code REPEATED}), else null
 * @param owner    the actual owner ({@code NOT_OWNER}), else null
 * @param expected the node expected next ({@code OUT_OF_ORDER}; null when the flow is complete)
 */
public record CompletionOutcome(Kind kind, Order order, Owner owner, String expected) {

    /** The kinds of outcome. */
    public enum Kind {
        /** The node was recorded; store {@link #order()}. */
        COMPLETED,
        /** The same node was completed last with the same data: nothing to store. */
        REPEATED,
        /** The caller does not own the order. */
        NOT_OWNER,
        /** Another node is next, or the flow is complete. */
        OUT_OF_ORDER,
        /** The node is not part of the platform's flow. */
        UNKNOWN_NODE,
        /** The order is a plain order with no flow. */
        NO_FLOW
    }

    static CompletionOutcome completed(Order order) {
        return new CompletionOutcome(Kind.COMPLETED, order, null, null);
    }

    static CompletionOutcome repeated(Order order) {
        return new CompletionOutcome(Kind.REPEATED, order, null, null);
    }

    static CompletionOutcome notOwner(Owner owner) {
        return new CompletionOutcome(Kind.NOT_OWNER, null, owner, null);
    }

    static CompletionOutcome outOfOrder(String expected) {
        return new CompletionOutcome(Kind.OUT_OF_ORDER, null, null, expected);
    }

    static CompletionOutcome of(Kind kind) {
        return new CompletionOutcome(kind, null, null, null);
    }
}
