package dev.baton.flow.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The links of a mapping oriented for one handoff direction: edges from source-platform nodes to
 * target-platform nodes. Immutable; both lookups are O(1). Obtained from {@link NodeMapping#directedFrom}.
 */
public final class DirectedLinks {

    /**
     * One directed edge.
     *
     * @param from a source node id, never null
     * @param to   a target node id, never null
     */
    public record Edge(String from, String to) {

        /** Validates that both ends are present. */
        public Edge {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        /** The same edge pointing the other way. */
        public Edge reversed() {
            return new Edge(to, from);
        }
    }

    private final Map<String, Set<String>> sourcesByTarget;
    private final Map<String, Set<String>> targetsBySource;

    private DirectedLinks(Map<String, Set<String>> sourcesByTarget, Map<String, Set<String>> targetsBySource) {
        this.sourcesByTarget = sourcesByTarget;
        this.targetsBySource = targetsBySource;
    }

    /** The directed links made of {@code edges}; repeated edges count once. */
    public static DirectedLinks of(Collection<Edge> edges) {
        Map<String, Set<String>> sources = new HashMap<>();
        Map<String, Set<String>> targets = new HashMap<>();
        for (Edge edge : edges) {
            sources.computeIfAbsent(edge.to(), k -> new LinkedHashSet<>()).add(edge.from());
            targets.computeIfAbsent(edge.from(), k -> new LinkedHashSet<>()).add(edge.to());
        }
        return new DirectedLinks(frozen(sources), frozen(targets));
    }

    /** The source nodes linked to {@code targetNode}, in insertion order; empty if none. Immutable. */
    public Set<String> sourcesOf(String targetNode) {
        return sourcesByTarget.getOrDefault(targetNode, Set.of());
    }

    /** The target nodes {@code sourceNode} links to, in insertion order; empty if none. Immutable. */
    public Set<String> targetsOf(String sourceNode) {
        return targetsBySource.getOrDefault(sourceNode, Set.of());
    }

    private static Map<String, Set<String>> frozen(Map<String, Set<String>> map) {
        Map<String, Set<String>> frozen = new HashMap<>();
        map.forEach((key, set) -> frozen.put(key, Collections.unmodifiableSet(set)));
        return Collections.unmodifiableMap(frozen);
    }
}
