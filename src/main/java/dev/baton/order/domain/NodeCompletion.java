package dev.baton.order.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.baton.flow.domain.Flow;
import dev.baton.flow.domain.Node;

/**
 * Completing a node on the active platform (docs/semantics.md#handoff-rules, rule 7): only the owner, only the next
 * node in the flow's order; repeating the last completion with the same data is idempotent.
 */
public final class NodeCompletion {

    private NodeCompletion() {
    }

    /** Completes {@code nodeId} of {@code flow} (the owner platform's pinned flow) for {@code terminal}. */
    public static CompletionOutcome complete(Order order, Flow flow, String platform, String terminal,
                                             String nodeId, NodeData data, Instant now) {
        if (!order.hasFlow()) {
            return CompletionOutcome.of(CompletionOutcome.Kind.NO_FLOW);
        }
        if (!order.owner().is(platform, terminal)) {
            return CompletionOutcome.notOwner(order.owner());
        }
        if (!flow.contains(nodeId)) {
            return CompletionOutcome.of(CompletionOutcome.Kind.UNKNOWN_NODE);
        }
        Set<String> done = order.completedIdsOn(platform);
        String expected = firstPending(flow, done);
        if (done.contains(nodeId)) {
            List<CompletedNode> completed = order.completedOn(platform);
            CompletedNode last = completed.get(completed.size() - 1);
            boolean repeat = last.nodeId().equals(nodeId) && !last.carried() && last.data().equals(data);
            return repeat ? CompletionOutcome.repeated(order) : CompletionOutcome.outOfOrder(expected);
        }
        if (!nodeId.equals(expected)) {
            return CompletionOutcome.outOfOrder(expected);
        }
        CompletedNode node = new CompletedNode(nodeId, data, now, terminal, null);
        return CompletionOutcome.completed(order.withCompleted(platform, List.of(node), order.owner(), null,
                order.pins(), now));
    }

    /** The nodes of {@code flow} not in {@code done}, in flow order. */
    public static List<Node> pending(Flow flow, Set<String> done) {
        return flow.nodes().stream().filter(n -> !done.contains(n.id())).toList();
    }

    private static String firstPending(Flow flow, Set<String> done) {
        return flow.nodes().stream().map(Node::id).filter(id -> !done.contains(id)).findFirst().orElse(null);
    }
}
