package dev.baton.flow.domain;

import java.util.List;
import java.util.Objects;

/**
 * A target node recorded as done by a handoff because every source node linked to it was done.
 *
 * @param targetNode  the satisfied node of the target flow, never null
 * @param sourceNodes the source nodes that satisfied it, in the source flow's order; at least one,
 *                    an immutable copy
 */
public record CarriedOver(String targetNode, List<String> sourceNodes) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if {@code sourceNodes} is empty
     */
    public CarriedOver {
        Objects.requireNonNull(targetNode, "targetNode");
        sourceNodes = List.copyOf(sourceNodes);
        if (sourceNodes.isEmpty()) {
            throw new IllegalArgumentException("a carried-over node needs at least one source node");
        }
    }
}
