package dev.baton.function;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.baton.flow.domain.Crossing;
import dev.baton.flow.domain.Flow;
import dev.baton.flow.domain.Link;
import dev.baton.flow.domain.Lint;
import dev.baton.flow.domain.Node;
import dev.baton.flow.domain.NodeMapping;
import dev.baton.flow.domain.Resolution;
import dev.baton.shared.app.Published;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The JSON shapes of flows, mappings, lints and resolutions, as documented in openapi.yaml. */
@RegisterForReflection(targets = {FlowViews.NodeView.class, FlowViews.FlowView.class, FlowViews.FlowSummary.class,
        FlowViews.FlowList.class, FlowViews.LinkView.class, FlowViews.CrossingView.class, FlowViews.CoverageView.class,
        FlowViews.LintView.class, FlowViews.MappingView.class, FlowViews.CarriedOverView.class,
        FlowViews.SourceView.class})
public final class FlowViews {

    private FlowViews() {
    }

    /** A node. */
    public record NodeView(String id, String name) {
        static NodeView of(Node node) {
            return new NodeView(node.id(), node.name());
        }

        static List<NodeView> of(List<Node> nodes) {
            return nodes.stream().map(NodeView::of).toList();
        }
    }

    /** A flow version; {@code created} only on publish. */
    public record FlowView(String businessType, String platform, int version, List<NodeView> nodes,
                           Instant createdAt, Boolean created) {
        static FlowView of(Published<Flow> published, Boolean created) {
            Flow f = published.value();
            return new FlowView(f.businessType(), f.platform(), f.version(), NodeView.of(f.nodes()),
                    published.createdAt(), created);
        }
    }

    /** One platform's latest flow in a list. */
    public record FlowSummary(String platform, int version, int nodeCount, Instant createdAt) {
    }

    /** The platforms of a business type with their latest flows. */
    public record FlowList(String businessType, List<FlowSummary> flows) {
    }

    /** A link from one base node to associated nodes. */
    public record LinkView(String from, List<String> to) {
        static List<LinkView> of(List<Link> links) {
            return links.stream().map(l -> new LinkView(l.from(), l.to())).toList();
        }
    }

    /** Two links whose order is inverted between the flows. */
    public record CrossingView(String fromA, String toA, String fromB, String toB) {
    }

    /** How much of each flow the mapping covers. */
    public record CoverageView(int baseMapped, int baseTotal, double basePercent, int associatedMapped,
                               int associatedTotal, double associatedPercent) {
    }

    /** Warnings about a mapping; never a reason to reject it. */
    public record LintView(List<String> unmappedBase, List<String> unmappedAssociated, List<CrossingView> crossings,
                           int crossingCount, CoverageView coverage) {
        static LintView of(Lint lint) {
            var c = lint.coverage();
            return new LintView(lint.unmappedBase(), lint.unmappedAssociated(),
                    lint.crossings().stream().map(FlowViews::crossing).toList(), lint.crossingCount(),
                    new CoverageView(c.baseMapped(), c.baseTotal(), c.basePercent(), c.associatedMapped(),
                            c.associatedTotal(), c.associatedPercent()));
        }
    }

    /** A mapping version with its lint; {@code created} only on publish. */
    public record MappingView(String businessType, String base, String associated, int version, int baseFlowVersion,
                              int associatedFlowVersion, List<LinkView> links, Instant createdAt, Boolean created,
                              LintView lint) {
        static MappingView of(Published<NodeMapping> published, Lint lint, Boolean created) {
            NodeMapping m = published.value();
            return new MappingView(m.businessType(), m.basePlatform(), m.associatedPlatform(), m.version(),
                    m.baseFlowVersion(), m.associatedFlowVersion(), LinkView.of(m.links()), published.createdAt(),
                    created, lint == null ? null : LintView.of(lint));
        }
    }

    /** A source node that satisfied a target node, with its data when known. */
    public record SourceView(String node, @JsonInclude(JsonInclude.Include.NON_NULL) Object data) {
    }

    /** A target node recorded as done because its source nodes are done. */
    public record CarriedOverView(String node, List<SourceView> sources) {
        static List<CarriedOverView> of(Resolution resolution) {
            return resolution.carriedOver().stream().map(c -> new CarriedOverView(c.targetNode(),
                    c.sourceNodes().stream().map(s -> new SourceView(s, null)).toList())).toList();
        }
    }

    private static CrossingView crossing(Crossing c) {
        return new CrossingView(c.fromA(), c.toA(), c.fromB(), c.toB());
    }
}
