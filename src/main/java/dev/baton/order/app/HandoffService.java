package dev.baton.order.app;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;

import dev.baton.flow.app.DefinitionStore;
import dev.baton.flow.app.PinnedDefinitions;
import dev.baton.flow.domain.DirectedMapping;
import dev.baton.flow.domain.Flow;
import dev.baton.flow.domain.NodeMapping;
import dev.baton.order.app.OrderStore.ConcurrentUpdateException;
import dev.baton.order.domain.Caller;
import dev.baton.order.domain.GrantCode;
import dev.baton.order.domain.Order;
import dev.baton.order.domain.OrderAccess;
import dev.baton.order.domain.Owner;
import dev.baton.order.domain.Pins;
import dev.baton.order.domain.Takeover;
import dev.baton.shared.app.ConflictException;
import dev.baton.shared.app.Published;
import dev.baton.shared.domain.InvalidInputException;
import dev.baton.shared.domain.Mask;

/**
 * Handoffs (docs/semantics.md#handoff-rules, 1–6) behind {@link OrderAccess}: one strongly consistent read and one
 * conditional write, whatever authorised it. A grant is consumed by that same write, so of several callers
 * presenting one grant exactly one wins.
 */
@ApplicationScoped
public class HandoffService {

    private final OrderStore orders;
    private final DefinitionStore definitions;
    private final PinnedDefinitions pinned;
    private final Clock clock;

    HandoffService(OrderStore orders, DefinitionStore definitions, PinnedDefinitions pinned, Clock clock) {
        this.orders = orders;
        this.definitions = definitions;
        this.pinned = pinned;
        this.clock = clock;
    }

    /**
     * A takeover request. {@code expectedVersion} is the order version the caller saw (the takeover applies
     * to that state only); {@code grantCode} a handoff grant's code as typed, already checked by
     * {@link GrantCode#normalise}.
     */
    public record Request(String toPlatform, String terminal, OptionalLong expectedVersion, Optional<String> grantCode,
                          Caller caller) {
    }

    /** Hands {@code orderId} over as {@code request} asks, or refuses with nothing changed. */
    public Takeover.Result handoff(String orderId, Request request) {
        Order order = orders.find(orderId).orElseThrow(() -> OrderGuard.unknown(orderId));
        Instant now = clock.instant();
        OrderAccess.TakeoverVerdict verdict = OrderAccess.toTakeOver(order, request.caller(), request.toPlatform(),
                request.terminal(), request.grantCode().flatMap(GrantCode::normalise).map(GrantCode::hash),
                request.expectedVersion().isPresent(), now);
        switch (verdict.kind()) {
            case ALLOWED -> { }
            case HIDDEN -> throw OrderGuard.unknown(orderId);
            case NOT_OWNER -> throw OrderGuard.notOwner(order);
            case INVALID_GRANT -> throw new ConflictException("invalid-grant", "The grant is not a live handoff"
                    + " grant of order " + orderId + " for platform " + request.toPlatform()
                    + " (unknown, used, expired or for another platform). Nothing was changed.");
            case SELF_ISSUED_GRANT -> throw new ConflictException("self-issued-grant", "A handoff grant cannot be"
                    + " presented by the terminal or operator that issued it; the channel taking over presents it."
                    + " Nothing was changed.");
            case UNNAMED_STEAL -> throw conflict("unnamed-takeover", order, "A takeover from another terminal on"
                    + " the same platform must name the expectedVersion it supersedes or present a grant.");
        }
        if (!order.hasFlow()) {
            throw new ConflictException("no-flow", "Order " + orderId + " is a plain order without a business flow.");
        }
        long expected = request.expectedVersion().orElse(order.version());
        if (expected != order.version()) {
            throw conflict("lost-race", order, "Order " + orderId + " is at version " + order.version() + ", not "
                    + expected + ".");
        }
        return move(order, request, verdict, now);
    }

    private Takeover.Result move(Order order, Request request, OrderAccess.TakeoverVerdict verdict, Instant now) {
        String id = order.id();
        String fromPlatform = order.owner().platform();
        String toPlatform = request.toPlatform();
        order = pinFlow(order, toPlatform);
        DirectedMapping mapping = null;
        if (!fromPlatform.equals(toPlatform)) {
            order = pinMapping(order, fromPlatform, toPlatform);
            Map.Entry<String, Integer> pin = order.pins().mappingBetween(fromPlatform, toPlatform).orElseThrow();
            String[] pair = pin.getKey().split(">");
            mapping = pinned.directed(order.businessType(), pair[0], pair[1], pin.getValue(), fromPlatform)
                    .orElseThrow(() -> new IllegalStateException("pinned mapping missing for order " + id));
        }
        Takeover.Outcome outcome = Takeover.toPlatform(order, toPlatform, request.terminal(),
                pinnedFlow(order, fromPlatform), pinnedFlow(order, toPlatform), mapping, verdict.grant(), now);
        if (outcome.changed()) {
            try {
                // the version condition makes ownership, history and the grant's consumption one atomic change
                orders.update(outcome.order());
            } catch (ConcurrentUpdateException lostRace) {
                Order current = orders.find(id).orElseThrow(() -> OrderGuard.unknown(id));
                throw conflict("lost-race", current, "Order " + id + " changed while this takeover ran.");
            }
        }
        return outcome.result();
    }

    private static ConflictException conflict(String reason, Order order, String detail) {
        Owner owner = order.owner();
        return new ConflictException(reason, detail + " It is owned by platform " + owner.platform() + ", terminal "
                + Mask.id(owner.terminalId()) + ". Nothing was changed by this request.");
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
}
