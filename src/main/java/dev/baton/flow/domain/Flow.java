package dev.baton.flow.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.baton.shared.domain.Ids;
import dev.baton.shared.domain.Violation;

/**
 * One published version of the flow of a business type on a platform: its ordered process nodes.
 * Immutable; node lookups by id are O(1) because flows are cached and queried on every handoff.
 *
 * @param businessType matches {@link Ids#BUSINESS_TYPE}
 * @param platform     matches {@link Ids#PLATFORM}
 * @param version      1 or more
 * @param nodes        {@value #MIN_NODES} to {@value #MAX_NODES} nodes with unique ids; an immutable copy
 */
public record Flow(String businessType, String platform, int version, List<Node> nodes) {

    /** The fewest nodes a flow has. */
    public static final int MIN_NODES = 1;
    /** The most nodes a flow has. */
    public static final int MAX_NODES = 200;

    /**
     * Validates the flow and indexes its nodes.
     *
     * @throws IllegalArgumentException naming the broken rules (never the values)
     */
    public Flow {
        Ids.requireBusinessType(businessType, "businessType");
        Ids.requirePlatform(platform, "platform");
        if (version < 1) {
            throw new IllegalArgumentException("flow version must be >= 1");
        }
        List<Violation> violations = check(nodes);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("invalid flow nodes: " + violations.stream()
                    .map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")));
        }
        nodes = IndexedNodes.of(nodes);
    }

    /**
     * The reasons {@code nodes} cannot form a flow, for reporting before constructing one: {@code nodes}
     * when there are not {@value #MIN_NODES} to {@value #MAX_NODES} of them, {@code nodes[i]} for a missing
     * node and {@code nodes[i].id} for each node whose id an earlier node already has.
     *
     * @return the violations in input order; empty when the nodes are acceptable
     */
    public static List<Violation> check(List<Node> nodes) {
        if (nodes == null || nodes.size() < MIN_NODES || nodes.size() > MAX_NODES) {
            return List.of(new Violation("nodes", "must have " + MIN_NODES + " to " + MAX_NODES + " nodes"));
        }
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            if (node == null) {
                violations.add(new Violation("nodes[" + i + "]", "is required"));
            } else if (!seen.add(node.id())) {
                violations.add(new Violation("nodes[" + i + "].id", "duplicates the id of an earlier node"));
            }
        }
        return List.copyOf(violations);
    }

    /** The position (0-based) of the node with {@code nodeId} in this flow, or -1 if there is none. O(1). */
    public int indexOf(String nodeId) {
        return indexed().indexOfId(nodeId);
    }

    /** Whether this flow has a node with {@code nodeId}. O(1). */
    public boolean contains(String nodeId) {
        return indexOf(nodeId) >= 0;
    }

    /** The node ids in flow order; immutable. */
    public List<String> nodeIds() {
        return indexed().ids();
    }

    /** The node with {@code id}, if this flow has one. O(1). */
    public Optional<Node> node(String id) {
        int index = indexOf(id);
        return index < 0 ? Optional.empty() : Optional.of(nodes.get(index));
    }

    /**
     * Whether {@code other} has exactly this flow's nodes: the same ids and names in the same order.
     * Publishing such nodes again is a no-op.
     */
    public boolean hasSameNodesAs(List<Node> other) {
        return nodes.equals(other);
    }

    /**
     * The next version of this flow (same business type and platform, version + 1) with {@code nodes}.
     *
     * @throws IllegalArgumentException if {@code nodes} cannot form a flow
     */
    public Flow nextVersion(List<Node> nodes) {
        Objects.requireNonNull(nodes, "nodes");
        return new Flow(businessType, platform, Math.addExact(version, 1), nodes);
    }

    private IndexedNodes indexed() {
        return (IndexedNodes) nodes;
    }
}
