package dev.baton.events.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import dev.baton.order.domain.CompletedNode;
import dev.baton.order.domain.Handoff;
import dev.baton.order.domain.NodeData;
import dev.baton.order.domain.Order;
import dev.baton.order.domain.Owner;
import dev.baton.order.domain.Pins;
import dev.baton.sync.domain.Category;
import dev.baton.sync.domain.Classification;
import dev.baton.sync.domain.Failure;
import dev.baton.sync.domain.FailureKind;
import dev.baton.sync.domain.OrderSync;
import dev.baton.sync.domain.RetryPolicies;
import dev.baton.sync.domain.RetryPolicy;
import dev.baton.sync.domain.RuleSource;

/** Orders and sync states as the stores write them, one committed change after another (test fixtures). */
public final class Changes {

    public static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    /** Personal data that must never appear in an event. */
    public static final NodeData SECRET = new NodeData("{\"applicant\":\"Zhang San\",\"id\":\"110101199003077758\"}");
    private static final RetryPolicy POLICY = new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(10),
            Duration.ofMinutes(10));
    private static final RandomGenerator NO_JITTER = () -> 0L;

    private Changes() {
    }

    /** A phone order of agent-0042, just started (version 1). */
    public static Order started(String id) {
        return Order.start(id, "auto-policy", new Owner("phone", "agent-0042", T0), Pins.NONE, SECRET, "h", T0);
    }

    /** {@code order} with {@code node} completed on its owner's platform, at the next version. */
    public static Order completed(Order order, String node) {
        Instant now = order.updatedAt().plusSeconds(1);
        return next(order, order.owner(), order.owner().platform(),
                new CompletedNode(node, SECRET, now, order.owner().terminalId(), null), null, now);
    }

    /** {@code order} handed to {@code terminal} on {@code platform}, carrying one node over. */
    public static Order handedOff(Order order, String platform, String terminal) {
        Instant now = order.updatedAt().plusSeconds(1);
        CompletedNode carried = new CompletedNode("start", SECRET, now, terminal,
                new CompletedNode.CarriedFrom(order.owner().platform(), List.of("quote")));
        Handoff handoff = new Handoff(order.owner().platform(), platform, order.owner().terminalId(), terminal, now,
                List.of("start"), 1, null, null);
        return next(order, new Owner(platform, terminal, now), platform, carried, handoff, now);
    }

    private static Order next(Order o, Owner owner, String platform, CompletedNode node, Handoff handoff,
                              Instant now) {
        Map<String, List<CompletedNode>> progress = new LinkedHashMap<>(o.progress());
        List<CompletedNode> nodes = new ArrayList<>(o.completedOn(platform));
        nodes.add(node);
        progress.put(platform, nodes);
        List<Handoff> handoffs = new ArrayList<>(o.handoffs());
        if (handoff != null) {
            handoffs.add(handoff);
        }
        return new Order(o.id(), o.businessType(), owner, o.pins(), progress, handoffs, o.grants(), o.startedBy(),
                o.data(), o.requestHash(), o.version() + 1, o.createdAt(), now);
    }

    /** A first sync attempt under a lease. */
    public static OrderSync syncing(String orderId) {
        return OrderSync.never(orderId, T0).start("k-1", "insurer-a", "auto-policy", SECRET, T0.plusSeconds(60), T0);
    }

    /** {@code sync}'s attempt failed as {@code category} (one attempt allowed: a retry of it dies). */
    public static OrderSync failed(OrderSync sync, Category category) {
        RetryPolicy policy = sync.attempt() > 1 ? POLICY : new RetryPolicy(5, Duration.ofSeconds(2),
                Duration.ofSeconds(10), Duration.ofMinutes(10));
        return sync.failed(new Classification(category, "default.busy-message", RuleSource.DEFAULT,
                Failure.of(FailureKind.HTTP_STATUS)), "系统繁忙", RetryPolicies.of(policy).with(Category.UNKNOWN, policy),
                sync.changedAt().plusSeconds(1),
                NO_JITTER);
    }
}
