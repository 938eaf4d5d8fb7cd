package dev.baton.order.app;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;

import dev.baton.flow.app.PinnedDefinitions;
import dev.baton.flow.domain.Flow;
import dev.baton.flow.domain.Node;
import dev.baton.order.app.OrderStore.ConcurrentUpdateException;
import dev.baton.order.domain.Caller;
import dev.baton.order.domain.CompletionOutcome;
import dev.baton.order.domain.NodeCompletion;
import dev.baton.order.domain.NodeData;
import dev.baton.order.domain.Order;
import dev.baton.order.domain.OrderAccess;
import dev.baton.order.domain.Takeover;
import dev.baton.shared.app.ConflictException;
import dev.baton.shared.domain.InvalidInputException;

/**
 * Moves orders forward: completing nodes on the owning platform (one strongly consistent read and one
 * conditional write; definitions come from the warm cache of pinned versions), and handoffs for trusted
 * callers, which {@link HandoffService} performs.
 */
@ApplicationScoped
public class ProgressService {

    private final OrderStore orders;
    private final PinnedDefinitions pinned;
    private final HandoffService handoffs;
    private final Clock clock;

    ProgressService(OrderStore orders, PinnedDefinitions pinned, HandoffService handoffs, Clock clock) {
        this.orders = orders;
        this.pinned = pinned;
        this.handoffs = handoffs;
        this.clock = clock;
    }

    /** The order after a completion, with what remains on the platform. */
    public record Progress(Order order, String platform, String node, List<Node> pending) {
    }

    /** Completes {@code nodeId} on {@code platform} for {@code terminal}, a trusted caller. */
    public Progress complete(String orderId, String nodeId, String platform, String terminal, NodeData data) {
        return complete(orderId, nodeId, platform, terminal, data, Caller.TRUSTED);
    }

    /** Completes {@code nodeId} on {@code platform} for {@code terminal}, if {@code caller} may (docs/semantics.md#handoff-rules, 7). */
    public Progress complete(String orderId, String nodeId, String platform, String terminal, NodeData data,
                             Caller caller) {
        Order order = load(orderId);
        OrderGuard.allow(OrderAccess.toWrite(order, caller), order);
        if (!order.hasFlow()) {
            throw noFlow(orderId);
        }
        Flow flow = pinnedFlow(order, order.owner().platform());
        CompletionOutcome outcome = NodeCompletion.complete(order, flow, platform, terminal, nodeId, data,
                clock.instant());
        Order result = switch (outcome.kind()) {
            case COMPLETED -> store(outcome.order());
            case REPEATED -> outcome.order();
            case NOT_OWNER -> throw OrderGuard.notOwner(order);
            case OUT_OF_ORDER -> throw new ConflictException("out-of-order", outcome.expected() == null
                    ? "The flow on " + platform + " is already complete."
                    : "Node " + outcome.expected() + " is the next node on " + platform + ", not " + nodeId + ".");
            case UNKNOWN_NODE -> throw new InvalidInputException("nodeId", "is not a node of the " + platform
                    + " flow");
            case NO_FLOW -> throw noFlow(orderId);
        };
        return new Progress(result, platform, nodeId, NodeCompletion.pending(flow, result.completedIdsOn(platform)));
    }

    /** Hands {@code orderId} over to {@code toPlatform}/{@code terminal} for a trusted caller (docs/semantics.md#handoff-rules, 1–6). */
    public Takeover.Result handoff(String orderId, String toPlatform, String terminal) {
        return handoff(orderId, toPlatform, terminal, OptionalLong.empty());
    }

    /**
     * A takeover for a trusted caller conditional on the order version it saw ({@code expectedVersion}): of
     * several terminals racing to take over the same state exactly one wins, however their requests interleave.
     */
    public Takeover.Result handoff(String orderId, String toPlatform, String terminal, OptionalLong expectedVersion) {
        return handoffs.handoff(orderId, new HandoffService.Request(toPlatform, terminal, expectedVersion,
                Optional.empty(), Caller.TRUSTED));
    }

    private Flow pinnedFlow(Order order, String platform) {
        int version = order.pins().flow(platform).orElseThrow();
        return pinned.flow(order.businessType(), platform, version).orElseThrow(() ->
                new IllegalStateException("pinned flow missing for order " + order.id()));
    }

    private Order store(Order next) {
        try {
            orders.update(next);
            return next;
        } catch (ConcurrentUpdateException e) {
            throw new ConflictException("concurrent-update", "Order " + next.id()
                    + " changed while this request ran; read it again. Nothing was changed by this request.");
        }
    }

    private Order load(String orderId) {
        return orders.find(orderId).orElseThrow(() -> OrderGuard.unknown(orderId));
    }

    private static ConflictException noFlow(String orderId) {
        return new ConflictException("no-flow", "Order " + orderId + " is a plain order without a business flow.");
    }
}
