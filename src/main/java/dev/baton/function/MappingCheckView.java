package dev.baton.function;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.baton.flow.app.MappingService;
import dev.baton.flow.domain.CarriedOver;
import dev.baton.flow.domain.Flow;
import dev.baton.flow.domain.HandoffMatrix;
import dev.baton.flow.domain.Node;
import dev.baton.function.FlowViews.LintView;
import dev.baton.function.FlowViews.NodeView;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A mapping checked before publishing: the flows it was checked against, its lint and both handoff matrices. */
@RegisterForReflection(targets = {MappingCheckView.class, MappingCheckView.FlowRef.class,
        MappingCheckView.MatrixView.class, MappingCheckView.MatrixRow.class})
public record MappingCheckView(String businessType, FlowRef base, FlowRef associated, LintView lint,
                               MatrixView forward, MatrixView reverse) {

    static MappingCheckView of(String businessType, MappingService.Checked c) {
        return new MappingCheckView(businessType, FlowRef.of(c.base()), FlowRef.of(c.associated()),
                LintView.of(c.lint()), MatrixView.of(c.forward()), MatrixView.of(c.reverse()));
    }

    /** A flow version with its nodes in order. */
    public record FlowRef(String platform, int version, List<NodeView> nodes) {
        static FlowRef of(Flow flow) {
            return new FlowRef(flow.platform(), flow.version(), NodeView.of(flow.nodes()));
        }
    }

    /**
     * Handoffs {@code from} → {@code to} from every point reached on {@code from}. What a row carries over only
     * grows with the point reached, so each row lists only the target nodes it adds: the answer stays linear in
     * flow size (a 200 × 200 matrix of ids would approach Lambda's 6 MB response limit).
     */
    public record MatrixView(String from, String to, List<MatrixRow> rows) {
        static MatrixView of(HandoffMatrix m) {
            List<MatrixRow> rows = new ArrayList<>();
            Set<String> before = new HashSet<>();
            for (HandoffMatrix.Row r : m.rows()) {
                List<String> carried = r.resolution().carriedOver().stream().map(CarriedOver::targetNode).toList();
                rows.add(new MatrixRow(r.completed(), r.reached().orElse(null),
                        carried.stream().filter(id -> !before.contains(id)).toList(), carried.size(),
                        r.resolution().next().map(Node::id).orElse(null), r.resolution().complete()));
                before.addAll(carried);
            }
            return new MatrixView(m.source().platform(), m.target().platform(), rows);
        }
    }

    /**
     * One point reached: {@code completed} source nodes done, the last being {@code reached} (null for none);
     * the target nodes this point newly carries over (those of earlier rows stay carried over), how many are
     * carried over in all, and where the target resumes ({@code next}, null when complete).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record MatrixRow(int completed, String reached, List<String> newlyCarriedOver, int carriedOverCount,
                            String next, boolean complete) {
    }
}
