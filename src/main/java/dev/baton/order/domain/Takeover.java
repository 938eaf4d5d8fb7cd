package dev.baton.order.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.baton.flow.domain.CarriedOver;
import dev.baton.flow.domain.Flow;
import dev.baton.flow.domain.HandoffResolver;
import dev.baton.flow.domain.Node;
import dev.baton.flow.domain.DirectedMapping;
import dev.baton.flow.domain.Resolution;

/**
 * A terminal takes over an order (docs/semantics.md#handoff-rules, rules 1–6): the nodes completed on the owner's
 * platform are mapped onto the target platform's flow, satisfied nodes are recorded there as carried
 * over with their source data, and ownership moves to the new terminal.
 */
public final class Takeover {

    private Takeover() {
    }

    /** A target node carried over, with each source node and its data. */
    public record Carried(String node, List<Source> sources) {
    }

    /** A source node and the data captured there. */
    public record Source(String node, NodeData data) {
    }

    /** What the new owner is told: what was done, what carried over, what remains and what is next. */
    public record Result(String fromPlatform, String toPlatform, String fromTerminal, String toTerminal,
                         List<String> completedOnSource, List<Carried> carriedOver, List<Node> pending,
                         Optional<Node> next, Integer mappingVersion) {
    }

    /** The result and the next version of the order to store; {@code order} is unchanged when nothing moved. */
    public record Outcome(Order order, Result result, boolean changed) {
    }

    /**
     * Moves {@code order} to {@code toPlatform}/{@code terminal}. {@code source} and {@code target} are the
     * pinned flows of the owner's platform and the target platform; {@code mapping} connects them, oriented
     * away from the owner's platform, and is null only when both are the same platform. {@code grant} (or null) is the grant that authorised the
     * takeover: it is recorded in the history and, like every other grant of the order, gone afterwards.
     */
    public static Outcome toPlatform(Order order, String toPlatform, String terminal, Flow source, Flow target,
                                     DirectedMapping mapping, HandoffGrant grant, Instant now) {
        String grantId = grant == null ? null : grant.id();
        String grantIssuedBy = grant == null ? null : grant.issuedBy();
        Owner from = order.owner();
        List<String> completedOnSource = inFlowOrder(source, order.completedIdsOn(from.platform()));
        if (from.platform().equals(toPlatform)) {
            List<Node> pending = NodeCompletion.pending(target, order.completedIdsOn(toPlatform));
            Result result = new Result(from.platform(), toPlatform, from.terminalId(), terminal, completedOnSource,
                    List.of(), pending, pending.stream().findFirst(), null);
            if (from.terminalId().equals(terminal)) {
                return new Outcome(order, result, false);
            }
            Handoff handoff = new Handoff(from.platform(), toPlatform, from.terminalId(), terminal, now, List.of(),
                    null, grantId, grantIssuedBy);
            return new Outcome(order.withCompleted(toPlatform, List.of(), new Owner(toPlatform, terminal, now),
                    handoff, order.pins(), now), result, true);
        }
        Resolution resolution = HandoffResolver.resolve(source, target, mapping.links(),
                order.completedIdsOn(from.platform()), order.completedIdsOn(toPlatform));
        List<Carried> carried = new ArrayList<>();
        List<CompletedNode> recorded = new ArrayList<>();
        for (CarriedOver c : resolution.carriedOver()) {
            List<Source> sources = c.sourceNodes().stream()
                    .map(s -> new Source(s, order.completion(from.platform(), s).orElseThrow().data())).toList();
            carried.add(new Carried(c.targetNode(), sources));
            recorded.add(new CompletedNode(c.targetNode(), NodeData.carried(c.sourceNodes(),
                    sources.stream().map(Source::data).toList()), now, terminal,
                    new CompletedNode.CarriedFrom(from.platform(), c.sourceNodes())));
        }
        Handoff handoff = new Handoff(from.platform(), toPlatform, from.terminalId(), terminal, now,
                carried.stream().map(Carried::node).toList(), mapping.version(), grantId, grantIssuedBy);
        Result result = new Result(from.platform(), toPlatform, from.terminalId(), terminal, completedOnSource,
                carried, resolution.pending(), resolution.next(), mapping.version());
        Order next = order.withCompleted(toPlatform, recorded, new Owner(toPlatform, terminal, now), handoff,
                order.pins(), now);
        return new Outcome(next, result, true);
    }

    private static List<String> inFlowOrder(Flow flow, Set<String> ids) {
        return flow.nodeIds().stream().filter(ids::contains).toList();
    }
}
