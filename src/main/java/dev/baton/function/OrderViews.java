package dev.baton.function;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import dev.baton.function.FlowViews.NodeView;
import dev.baton.order.domain.CompletedNode;
import dev.baton.order.domain.Handoff;
import dev.baton.order.domain.HandoffGrant;
import dev.baton.order.domain.NodeData;
import dev.baton.order.domain.Order;
import dev.baton.order.domain.Takeover;
import dev.baton.flow.domain.Node;
import dev.baton.shared.domain.Mask;
import dev.baton.shared.infra.CanonicalJson;
import dev.baton.sync.domain.LastFailure;
import dev.baton.sync.domain.OrderSync;
import dev.baton.sync.domain.SyncState;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The JSON shapes of orders, completions and handoffs, as documented in openapi.yaml. */
@RegisterForReflection(targets = {OrderViews.Started.class, OrderViews.OrderView.class, OrderViews.OwnerView.class,
        OrderViews.PinsView.class, OrderViews.ProgressEntry.class, OrderViews.CarriedFromView.class,
        OrderViews.HandoffEntry.class, OrderViews.Completed.class, OrderViews.HandoffView.class,
        OrderViews.CarriedView.class, OrderViews.SourceDataView.class, OrderViews.SyncView.class,
        OrderViews.GrantView.class, LastFailure.class})
public final class OrderViews {

    private OrderViews() {
    }

    /** The answer to starting an order; {@code next} is null when nothing remains. */
    public record Started(String orderId, String businessType, String platform, String terminalId,
                          List<NodeView> pending, @JsonInclude(JsonInclude.Include.ALWAYS) NodeView next,
                          boolean complete, long version) {
        static Started of(Order order, List<Node> pending) {
            return new Started(order.id(), order.businessType(), order.owner() == null ? null
                    : order.owner().platform(), order.owner() == null ? null : order.owner().terminalId(),
                    NodeView.of(pending), pending.isEmpty() ? null : NodeView.of(pending.get(0)),
                    pending.isEmpty(), order.version());
        }
    }

    /** The owner of an order. */
    public record OwnerView(String platform, String terminalId, Instant since) {
    }

    /** Pinned definition versions. */
    public record PinsView(Map<String, Integer> flows, Map<String, Integer> mappings) {
    }

    /** Where a carried-over node came from. */
    public record CarriedFromView(String fromPlatform, List<String> sourceNodes) {
    }

    /** One completed node on one platform. */
    public record ProgressEntry(String node, JsonNode data, Instant completedAt, String terminalId,
                                CarriedFromView carriedOver) {
    }

    /**
     * One handoff in the history; {@code grant} is the id of the grant that authorised it, if any, and
     * {@code grantIssuedBy} who issued it: the former owner's terminal, or {@code operator:} and the operator's
     * token subject, masked.
     */
    public record HandoffEntry(String fromPlatform, String toPlatform, String fromTerminal, String toTerminal,
                               Instant at, List<String> carriedOver, Integer mappingVersion, String grant,
                               String grantIssuedBy) {
    }

    /**
     * Where the order stands with its downstream (never the payload).
     *
     * @param lostLeases attempts of this sync that ended without a recorded outcome (a process died or overran)
     * @param deadReason {@code DEAD} only: why async processing gave up
     * @param reviewReason {@code NEEDS_REVIEW} only: which budget of the last failure's category ran out
     * @param redrives   how often an operator redrove the order
     */
    public record SyncView(String state, int attempt, String downstream, String idempotencyKey, String reference,
                           Instant firstAttemptAt, Instant nextAttemptAt, Instant leaseUntil, Instant changedAt,
                           LastFailure lastClassification, String deadReason, String reviewReason,
                           Integer lostLeases, Integer redrives) {
        static SyncView of(OrderSync s) {
            return new SyncView(s.state().name(), s.attempt(), s.downstream(), s.idempotencyKey(), s.reference(),
                    s.firstAttemptAt(), s.nextAttemptAt(), s.leaseUntil(), s.changedAt(), s.lastFailure(),
                    SyncRoutes.reason(s.state(), s.deadReason(), SyncState.DEAD),
                    SyncRoutes.reason(s.state(), s.deadReason(), SyncState.NEEDS_REVIEW),
                    s.lostLeases() == 0 ? null : s.lostLeases(), s.redrives() == 0 ? null : s.redrives());
        }
    }

    /** The whole order; {@code dataMasked} when its data values are hidden from the caller (operators). */
    public record OrderView(String orderId, String businessType, OwnerView owner, PinsView pins,
                            Map<String, List<ProgressEntry>> progress, List<HandoffEntry> handoffs, JsonNode data,
                            String syncState, SyncView sync, Instant createdAt, Instant updatedAt, long version,
                            boolean dataMasked) {
        static OrderView of(Order o, OrderSync sync, boolean masked) {
            Map<String, List<ProgressEntry>> progress = new LinkedHashMap<>();
            o.progress().forEach((platform, nodes) -> progress.put(platform, nodes.stream()
                    .map(n -> entry(n, masked)).toList()));
            return new OrderView(o.id(), o.businessType(), o.owner() == null ? null : new OwnerView(
                    o.owner().platform(), o.owner().terminalId(), o.owner().since()),
                    new PinsView(o.pins().flows(), o.pins().mappings()), progress,
                    o.handoffs().stream().map(OrderViews::entry).toList(), shown(o.data(), masked),
                    sync.state().name(), SyncView.of(sync), o.createdAt(), o.updatedAt(), o.version(), masked);
        }
    }

    /** The answer to completing a node. */
    public record Completed(String orderId, String platform, String node, List<NodeView> pending,
                            @JsonInclude(JsonInclude.Include.ALWAYS) NodeView next, boolean complete) {
    }

    /** A source node and its data. */
    public record SourceDataView(String node, JsonNode data) {
    }

    /** A target node carried over and the source nodes that satisfied it. */
    public record CarriedView(String node, List<SourceDataView> sources) {
    }

    /** The answer to a handoff. */
    public record HandoffView(String orderId, String fromPlatform, String toPlatform, String fromTerminal,
                              String terminalId, List<String> completedOnSource, List<CarriedView> carriedOver,
                              List<NodeView> pending, @JsonInclude(JsonInclude.Include.ALWAYS) NodeView next,
                              boolean complete, @JsonInclude(JsonInclude.Include.ALWAYS) Integer mappingVersion) {
        static HandoffView of(String orderId, Takeover.Result r) {
            return new HandoffView(orderId, r.fromPlatform(), r.toPlatform(), r.fromTerminal(), r.toTerminal(),
                    r.completedOnSource(), r.carriedOver().stream().map(c -> new CarriedView(c.node(),
                    c.sources().stream().map(s -> new SourceDataView(s.node(), json(s.data()))).toList())).toList(),
                    NodeView.of(r.pending()), r.next().map(NodeView::of).orElse(null), r.pending().isEmpty(),
                    r.mappingVersion());
        }
    }

    /** An issued handoff grant: the code is in this answer and nowhere else. */
    public record GrantView(String orderId, String grantId, String code, String toPlatform, Instant issuedAt,
                            Instant expiresAt) {
    }

    static JsonNode json(NodeData data) {
        return CanonicalJson.parse(data.json());
    }

    private static JsonNode shown(NodeData data, boolean masked) {
        return masked ? MaskedData.of(json(data)) : json(data);
    }

    private static ProgressEntry entry(CompletedNode n, boolean masked) {
        return new ProgressEntry(n.nodeId(), shown(n.data(), masked), n.completedAt(), n.terminalId(), n.carried()
                ? new CarriedFromView(n.carriedFrom().platform(), n.carriedFrom().sourceNodes()) : null);
    }

    private static HandoffEntry entry(Handoff h) {
        return new HandoffEntry(h.fromPlatform(), h.toPlatform(), h.fromTerminal(), h.toTerminal(), h.at(),
                h.carriedOver(), h.mappingVersion(), h.grantId(), issuer(h.grantIssuedBy()));
    }

    private static String issuer(String issuedBy) {
        String operator = HandoffGrant.OPERATOR + ":";
        return issuedBy != null && issuedBy.startsWith(operator)
                ? operator + Mask.id(issuedBy.substring(operator.length())) : issuedBy;
    }
}
