package dev.baton.flow.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides what a handoff carries over and what remains, implementing docs/semantics.md#handoff-rules, rules 2–5
 * as one pure function.
 */
public final class HandoffResolver {

    private HandoffResolver() {
    }

    /**
     * Resolves a handoff from {@code source} to {@code target}.
     * <ul>
     *   <li>A target node is <em>satisfied</em> when at least one source node links to it and every source
     *       node linking to it is a node of {@code source} in {@code completedOnSource} (N:1 needs all its
     *       sources; 1:N lets one source satisfy all its targets).</li>
     *   <li>Target nodes in {@code completedOnTarget} stay completed and are not reported as carried over.</li>
     *   <li>Satisfied nodes not yet completed on the target are carried over, in target order, each with its
     *       source nodes in source order; the other nodes not completed on the target are pending, in target
     *       order.</li>
     * </ul>
     * Ids in the completed sets that are not nodes of the respective flow are ignored, and a link from a node
     * that is not in {@code source} can never be satisfied: an unknown id never makes a step be skipped.
     * Runs in time linear in the sizes of both flows plus the number of links.
     *
     * @param links the mapping oriented from the source platform, see {@link NodeMapping#directedFrom}
     */
    public static Resolution resolve(Flow source, Flow target, DirectedLinks links, Set<String> completedOnSource,
                                     Set<String> completedOnTarget) {
        Map<String, List<String>> doneSources = completedSourcesByTarget(source, links, completedOnSource);
        List<CarriedOver> carriedOver = new ArrayList<>();
        List<Node> pending = new ArrayList<>();
        for (Node node : target.nodes()) {
            if (completedOnTarget.contains(node.id())) {
                continue;
            }
            List<String> done = doneSources.getOrDefault(node.id(), List.of());
            // done holds distinct flow nodes among the linked sources, so equal sizes mean all sources are done
            boolean satisfied = !done.isEmpty() && done.size() == links.sourcesOf(node.id()).size();
            if (satisfied) {
                carriedOver.add(new CarriedOver(node.id(), done));
            } else {
                pending.add(node);
            }
        }
        return new Resolution(carriedOver, pending);
    }

    /** For each target node, the completed source-flow nodes linking to it, in source flow order. */
    private static Map<String, List<String>> completedSourcesByTarget(Flow source, DirectedLinks links,
                                                                      Set<String> completedOnSource) {
        Map<String, List<String>> byTarget = new HashMap<>();
        for (String sourceNode : source.nodeIds()) {
            if (completedOnSource.contains(sourceNode)) {
                for (String targetNode : links.targetsOf(sourceNode)) {
                    byTarget.computeIfAbsent(targetNode, k -> new ArrayList<>()).add(sourceNode);
                }
            }
        }
        return byTarget;
    }
}
