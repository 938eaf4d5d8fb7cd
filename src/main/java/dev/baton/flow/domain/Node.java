package dev.baton.flow.domain;

import dev.baton.shared.domain.Ids;

/**
 * One process node of a flow: a step such as "vehicle details".
 *
 * @param id   unique within its flow, matches {@link Ids#NODE_ID}
 * @param name shown to people; not blank, at most {@value #MAX_NAME_LENGTH} characters
 */
public record Node(String id, String name) {

    /** The longest allowed name. */
    public static final int MAX_NAME_LENGTH = 200;

    /**
     * Validates the node.
     *
     * @throws IllegalArgumentException naming the broken rule (never the value)
     */
    public Node {
        Ids.requireNodeId(id, "node id");
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("node name must be 1 to " + MAX_NAME_LENGTH
                    + " characters and not blank");
        }
    }
}
