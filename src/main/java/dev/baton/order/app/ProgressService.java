package dev.baton.order.app;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.baton.flow.app.DefinitionStore;
import dev.baton.flow.app.PinnedDefinitions;
import dev.baton.flow.domain.Flow;
import dev.baton.flow.domain.Node;
import dev.baton.flow.domain.NodeMapping;
import dev.baton.order.app.OrderStore.ConcurrentUpdateException;
import dev.baton.order.domain.CompletionOutcome;
import dev.baton.order.domain.NodeCompletion;
import dev.baton.order.domain.NodeData;
import dev.baton.order.domain.Order;
import dev.baton.order.domain.Owner;
import dev.baton.order.domain.Pins;
import dev.baton.order.domain.Takeover;
import dev.baton.shared.app.ConflictException;
import dev.baton.shared.app.NotFoundException;
import dev.baton.shared.app.Published;
import dev.baton.shared.domain.InvalidInputException;
import dev.baton.shared.domain.Mask;

/**
 * Moves orders forward: completing nodes on the owning platform, and handoffs to another platform or
 * terminal. Each is one strongly consistent read and one conditional write; definitions come from the
 * warm cache of pinned versions.
 */
@ApplicationScoped
public class ProgressService {

    private final OrderStore orders;
    private final DefinitionStore definitions;
    private final PinnedDefinitions pinned;
    private final Clock clock;

    ProgressService(OrderStore orders, DefinitionStore definitions, PinnedDefinitions pinned, Clock clock) {
        this.orders = orders;
        this.definitions = definitions;
        this.pinned = pinned;
        this.clock = clock;
    }

    /** The order after a completion, with what remains on the platform. */
    public record Progress(Order order, String platform, String node, List<Node> pending) {
    }

    /** Completes {@code nodeId} on {@code platform} for {@code terminal} (docs/semantics.md#handoff-rules, 7). */
    public Progress complete(String orderId, String nodeId, String platform, String terminal, NodeData data) {
        Order order = load(orderId);
        if (!order.hasFlow()) {
            throw noFlow(orderId);
        }
        Flow flow = pinnedFlow(order, order.owner().platform());
        CompletionOutcome outcome = NodeCompletion.complete(order, flow, platform, terminal, nodeId, data,
                clock.instant());
        Order result = switch (outcome.kind()) {
            case COMPLETED -> store(outcome.order());
            case REPEATED -> outcome.order();
            case NOT_OWNER -> throw notOwner(orderId, outcome.owner());
            case OUT_OF_ORDER -> throw new ConflictException("out-of-order", outcome.expected() == null
                    ? "The flow on " + platform + " is already complete."
                    : "Node " + outcome.expected() + " is the next node on " + platform + ", not " + nodeId + ".");
            case UNKNOWN_NODE -> throw new InvalidInputException("nodeId", "is not a node of the " + platform
                    + " flow");
            case NO_FLOW -> throw noFlow(orderId);
        };
        return new Progress(result, platform, nodeId, NodeCompletion.pending(flow, result.completedIdsOn(platform)));
    }

    /** Hands {@code orderId} over to {@code toPlatform}/{@code terminal} (docs/semantics.md#handoff-rules, 1–6). */
    public Takeover.Result handoff(String orderId, String toPlatform, String terminal) {
        return handoff(orderId, toPlatform, terminal, java.util.OptionalLong.empty());
    }

    /**
     * A takeover conditional on the order version the caller saw ({@code expectedVersion}): of several
     * terminals racing to take over the same state exactly one wins, however their requests interleave
     * (without it, a takeover that arrives after another one applies to the new state).
     */
    public Takeover.Result handoff(String orderId, String toPlatform, String terminal,
                                   java.util.OptionalLong expectedVersion) {
        Order order = load(orderId);
        if (!order.hasFlow()) {
            throw noFlow(orderId);
        }
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != order.version()) {
            throw new ConflictException("lost-race", "Order " + orderId + " is at version " + order.version()
                    + ", not " + expectedVersion.getAsLong() + "; it is owned by platform " + order.owner().platform()
                    + ", terminal " + Mask.id(order.owner().terminalId()) + ". Nothing was changed by this request.");
        }
        String fromPlatform = order.owner().platform();
        order = pinFlow(order, toPlatform);
        NodeMapping mapping = null;
        if (!fromPlatform.equals(toPlatform)) {
            order = pinMapping(order, fromPlatform, toPlatform);
            Map.Entry<String, Integer> pin = order.pins().mappingBetween(fromPlatform, toPlatform).orElseThrow();
            String[] pair = pin.getKey().split(">");
            mapping = pinned.mapping(order.businessType(), pair[0], pair[1], pin.getValue()).orElseThrow(() ->
                    new IllegalStateException("pinned mapping missing for order " + orderId));
        }
        Takeover.Outcome outcome = Takeover.toPlatform(order, toPlatform, terminal, pinnedFlow(order, fromPlatform),
                pinnedFlow(order, toPlatform), mapping, clock.instant());
        if (outcome.changed()) {
            try {
                orders.update(outcome.order());
            } catch (ConcurrentUpdateException lostRace) {
                Owner now = load(orderId).owner();
                throw new ConflictException("lost-race", "Order " + orderId + " changed while this takeover ran;"
                        + " it is owned by platform " + now.platform() + ", terminal " + Mask.id(now.terminalId())
                        + ". Nothing was changed by this request.");
            }
        }
        return outcome.result();
    }

    private Order pinFlow(Order order, String platform) {
        if (order.pins().flow(platform).isPresent()) {
            return order;
        }
        // the platform got its flow after the order started: pin the version in force now
        Published<Flow> latest = definitions.latestFlow(order.businessType(), platform).orElseThrow(() ->
                new InvalidInputException("toPlatform", "platform " + platform
                        + " has no published flow for business type " + order.businessType()));
        return order.withPins(order.pins().withFlow(platform, latest.value().version()));
    }

    private Order pinMapping(Order order, String from, String to) {
        if (order.pins().mappingBetween(from, to).isPresent()) {
            return order;
        }
        NodeMapping latest = definitions.catalog(order.businessType()).mappingBetween(from, to)
                .map(Published::value).orElseThrow(() -> new InvalidInputException("toPlatform",
                        "no node mapping is configured between " + from + " and " + to + " for business type "
                                + order.businessType()));
        return order.withPins(order.pins().withMapping(Pins.mappingKey(latest.basePlatform(),
                latest.associatedPlatform()), latest.version()));
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
        return orders.find(orderId).orElseThrow(() -> new NotFoundException("No order " + orderId + "."));
    }

    private static ConflictException notOwner(String orderId, Owner owner) {
        return new ConflictException("not-owner", "Order " + orderId + " is owned by platform " + owner.platform()
                + ", terminal " + Mask.id(owner.terminalId()) + " (since " + owner.since() + ").");
    }

    private static ConflictException noFlow(String orderId) {
        return new ConflictException("no-flow", "Order " + orderId + " is a plain order without a business flow.");
    }
}
