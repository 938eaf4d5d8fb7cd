package dev.baton.flow.domain;

import java.util.List;
import java.util.Objects;

/**
 * A link of a node mapping: one base node and the associated nodes it corresponds to. Several links may
 * share a target, which is how N:1 and N:M mappings are expressed. Whether the nodes exist is checked
 * against the flows by {@link NodeMapping#check}.
 *
 * @param from the base node id, never null
 * @param to   the associated node ids, at least one, no nulls; an immutable copy
 */
public record Link(String from, List<String> to) {

    /**
     * Validates the link and copies {@code to}.
     *
     * @throws IllegalArgumentException if {@code to} is empty
     * @throws NullPointerException     if {@code from}, {@code to} or an element of it is null
     */
    public Link {
        Objects.requireNonNull(from, "from");
        to = List.copyOf(to);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("link to must name at least one node");
        }
    }
}
