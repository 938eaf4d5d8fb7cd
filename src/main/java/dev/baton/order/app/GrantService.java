package dev.baton.order.app;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import dev.baton.flow.app.DefinitionStore;
import dev.baton.order.app.OrderStore.ConcurrentUpdateException;
import dev.baton.order.domain.Caller;
import dev.baton.order.domain.GrantCode;
import dev.baton.order.domain.HandoffGrant;
import dev.baton.order.domain.Order;
import dev.baton.order.domain.OrderAccess;
import dev.baton.shared.app.ConflictException;
import dev.baton.shared.domain.InvalidInputException;

/**
 * Issues handoff grants: one strongly consistent read and one write conditioned on the version read. The
 * code is answered once and only its hash is stored; presenting it is part of the handoff's own write.
 */
@ApplicationScoped
public class GrantService {

    /** Live grants an order may hold at once, so an order item cannot be grown by issuing grants. */
    public static final int MAX_LIVE = 10;

    // codes are credentials: always a strong generator, never the replaceable jitter source
    private final SecureRandom random = new SecureRandom();
    private final OrderStore orders;
    private final DefinitionStore definitions;
    private final Clock clock;

    GrantService(OrderStore orders, DefinitionStore definitions, Clock clock) {
        this.orders = orders;
        this.definitions = definitions;
        this.clock = clock;
    }

    /** A new grant and its code, which exists nowhere else. */
    public record Issued(String orderId, String code, HandoffGrant grant) {
    }

    /** Issues a grant to take {@code orderId} over on {@code toPlatform} within {@code ttl}, if the caller may. */
    public Issued issue(String orderId, String toPlatform, Duration ttl, Caller caller) {
        Order order = orders.find(orderId).orElseThrow(() -> OrderGuard.unknown(orderId));
        OrderGuard.allow(OrderAccess.toIssueGrant(order, caller), order);
        if (!order.hasFlow()) {
            throw new ConflictException("no-flow", "Order " + orderId + " is a plain order without a business flow.");
        }
        // a grant for a platform the order could never move to would be answered and never usable; an order
        // pinned to the platform's flow needs no look-up, otherwise one GetItem of the flow's head
        if (order.pins().flow(toPlatform).isEmpty()
                && definitions.latestFlow(order.businessType(), toPlatform).isEmpty()) {
            throw new InvalidInputException("toPlatform", "platform " + toPlatform
                    + " has no published flow for business type " + order.businessType());
        }
        Instant now = clock.instant();
        if (order.grants().stream().filter(g -> g.liveAt(now)).count() >= MAX_LIVE) {
            throw new ConflictException("too-many-grants", "Order " + orderId + " already has " + MAX_LIVE
                    + " live handoff grants; let one expire or be used first.");
        }
        String code = GrantCode.generate(random);
        HandoffGrant grant = new HandoffGrant(GrantCode.hash(GrantCode.normalise(code).orElseThrow()), toPlatform,
                now, now.plus(ttl), HandoffGrant.issuer(caller, order.owningTerminal().orElse(null)));
        try {
            orders.update(order.withGrant(grant, now));
        } catch (ConcurrentUpdateException e) {
            throw new ConflictException("concurrent-update", "Order " + orderId
                    + " changed while the grant was issued; try again. Nothing was changed by this request.");
        }
        return new Issued(orderId, code, grant);
    }
}
