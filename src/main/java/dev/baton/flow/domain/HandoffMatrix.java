package dev.baton.flow.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a handoff would resume on the target flow for every point the source flow can have reached: with
 * nothing done, after its first node, after its first two, … after all of them. The view that lets an
 * analyst trust a mapping before customers meet it. Immutable.
 *
 * @param source the flow handed off from
 * @param target the flow handed off to
 * @param rows   one row per point reached, {@code source.nodes().size() + 1} rows in source order
 */
public record HandoffMatrix(Flow source, Flow target, List<Row> rows) {

    /**
     * One point reached on the source flow and its handoff.
     *
     * @param completed  how many source nodes are done (the first {@code completed} in flow order)
     * @param reached    the last source node done; empty when none is
     * @param resolution what the target gets: carried-over nodes and where it resumes
     */
    public record Row(int completed, Optional<String> reached, Resolution resolution) {
    }

    public HandoffMatrix {
        rows = List.copyOf(rows);
    }

    /**
     * The matrix of handoffs {@code source} → {@code target} with {@code links} oriented from the source,
     * assuming the target has nothing done. Runs {@link HandoffResolver} once per point: quadratic in flow
     * size, about 200 × 13 µs at the 200-node maximum.
     */
    public static HandoffMatrix of(Flow source, Flow target, DirectedLinks links) {
        List<Row> rows = new ArrayList<>();
        Set<String> done = new HashSet<>();
        rows.add(new Row(0, Optional.empty(), HandoffResolver.resolve(source, target, links, done, Set.of())));
        for (Node node : source.nodes()) {
            done.add(node.id());
            rows.add(new Row(done.size(), Optional.of(node.id()),
                    HandoffResolver.resolve(source, target, links, done, Set.of())));
        }
        return new HandoffMatrix(source, target, rows);
    }
}
