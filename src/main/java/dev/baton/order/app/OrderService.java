package dev.baton.order.app;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.baton.flow.app.DefinitionStore;
import dev.baton.flow.app.PinnedDefinitions;
import dev.baton.flow.domain.Flow;
import dev.baton.flow.domain.Node;
import dev.baton.order.app.OrderStore.OrderExistsException;
import dev.baton.order.domain.Caller;
import dev.baton.order.domain.NodeCompletion;
import dev.baton.order.domain.NodeData;
import dev.baton.order.domain.Order;
import dev.baton.order.domain.OrderAccess;
import dev.baton.order.domain.Owner;
import dev.baton.order.domain.Pins;
import dev.baton.shared.app.ConflictException;
import dev.baton.shared.app.Published;
import dev.baton.shared.domain.InvalidInputException;

/** Starts and reads orders. Completing nodes and handoffs are in {@link ProgressService}. */
@ApplicationScoped
public class OrderService {

    private final OrderStore orders;
    private final DefinitionStore definitions;
    private final PinnedDefinitions pinned;
    private final Clock clock;

    OrderService(OrderStore orders, DefinitionStore definitions, PinnedDefinitions pinned, Clock clock) {
        this.orders = orders;
        this.definitions = definitions;
        this.pinned = pinned;
        this.clock = clock;
    }

    /**
     * A start request. {@code businessType}, {@code platform} and {@code terminalId} come together or not
     * at all (a plain order); {@code fingerprint} identifies the request so a repeat is recognised.
     */
    public record Start(Optional<String> orderId, Optional<String> businessType, Optional<String> platform,
                        Optional<String> terminalId, NodeData data, String fingerprint) {
    }

    /** The started (or already started) order with what remains on its platform. */
    public record Started(Order order, List<Node> pending, boolean created) {
    }

    /**
     * Starts an order pinned to the latest flows and mappings of its business type. A client-chosen id is
     * accepted once: the same request again answers the existing order, a different one is a conflict.
     */
    public Started start(Start start) {
        return start(start, Caller.TRUSTED);
    }

    /** Starts an order for {@code caller}, whose terminal owns it; see {@link #start(Start)}. */
    public Started start(Start start, Caller caller) {
        Order order = newOrder(start).startedBy(caller.terminalId());
        try {
            orders.create(order);
            return new Started(order, pendingOnOwner(order), true);
        } catch (OrderExistsException e) {
            Order existing = orders.find(order.id()).orElseThrow(() -> new ConflictException("order-exists",
                    "Order " + order.id() + " is being created concurrently; try again."));
            // another caller's identical request must not learn anything about the order
            if (!existing.requestHash().equals(start.fingerprint())
                    || OrderAccess.toWrite(existing, caller) != OrderAccess.Verdict.FULL) {
                throw new ConflictException("order-exists", "Order " + order.id()
                        + " already exists with a different request; choose another id.");
            }
            return new Started(existing, pendingOnOwner(existing), false);
        }
    }

    /** The order with this id. */
    public Order get(String orderId) {
        return orders.find(orderId).orElseThrow(() -> OrderGuard.unknown(orderId));
    }

    /** An order as a caller may read it: {@code masked} when its data must not be shown. */
    public record Readable(Order order, boolean masked) {
    }

    /** The order with this id, if {@code caller} may read it (one strongly consistent read). */
    public Readable read(String orderId, Caller caller) {
        Order order = get(orderId);
        OrderAccess.Verdict verdict = OrderAccess.toRead(order, caller);
        return new Readable(OrderGuard.allow(verdict, order), verdict == OrderAccess.Verdict.MASKED);
    }

    /** The order with this id, if {@code caller} may change or sync it (one strongly consistent read). */
    public Order writable(String orderId, Caller caller) {
        Order order = get(orderId);
        return OrderGuard.allow(OrderAccess.toWrite(order, caller), order);
    }

    /** The nodes still to do on the owner's platform, in its pinned flow's order (empty for plain orders). */
    public List<Node> pendingOnOwner(Order order) {
        if (!order.hasFlow()) {
            return List.of();
        }
        String platform = order.owner().platform();
        Flow flow = pinned.flow(order.businessType(), platform, order.pins().flow(platform).orElseThrow())
                .orElseThrow(() -> new IllegalStateException("pinned flow missing for order " + order.id()));
        return NodeCompletion.pending(flow, order.completedIdsOn(platform));
    }

    private Order newOrder(Start start) {
        String id = start.orderId().orElseGet(() -> UUID.randomUUID().toString());
        if (start.businessType().isEmpty()) {
            return Order.start(id, null, null, Pins.NONE, start.data(), start.fingerprint(), clock.instant());
        }
        String type = start.businessType().get();
        String platform = start.platform().orElseThrow();
        DefinitionStore.Catalog catalog = definitions.catalog(type);
        if (catalog.flow(platform).isEmpty()) {
            throw new InvalidInputException("platform", "platform " + platform
                    + " has no published flow for business type " + type);
        }
        Map<String, Integer> flows = new LinkedHashMap<>();
        catalog.flows().forEach(f -> flows.put(f.value().platform(), f.value().version()));
        Map<String, Integer> mappings = new LinkedHashMap<>();
        catalog.mappings().stream().map(Published::value).forEach(m -> mappings.put(
                Pins.mappingKey(m.basePlatform(), m.associatedPlatform()), m.version()));
        Owner owner = new Owner(platform, start.terminalId().orElseThrow(), clock.instant());
        return Order.start(id, type, owner, new Pins(flows, mappings), start.data(), start.fingerprint(),
                clock.instant());
    }
}
