package dev.baton.flow.domain;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of resolving a handoff onto the target platform (docs/semantics.md#handoff-rules, rules 2–5).
 *
 * @param carriedOver the target nodes newly satisfied by the source's progress, in target flow order;
 *                    nodes already completed on the target are not among them. Immutable copy.
 * @param pending     the target nodes neither satisfied nor already completed, in target flow order.
 *                    Immutable copy.
 */
public record Resolution(List<CarriedOver> carriedOver, List<Node> pending) {

    /** Copies both lists; neither may be or contain null. */
    public Resolution {
        carriedOver = List.copyOf(carriedOver);
        pending = List.copyOf(pending);
    }

    /** The node to do next on the target: the first pending node; empty when the flow is complete there. */
    public Optional<Node> next() {
        return pending.isEmpty() ? Optional.empty() : Optional.of(pending.get(0));
    }

    /** Whether nothing remains to be done on the target. */
    public boolean complete() {
        return pending.isEmpty();
    }
}
