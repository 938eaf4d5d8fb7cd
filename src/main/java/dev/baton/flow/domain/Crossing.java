package dev.baton.flow.domain;

import java.util.Objects;

/**
 * Two mapping edges whose order is inverted between the flows: {@code fromA} comes before {@code fromB} in
 * the base flow, but {@code toA} comes after {@code toB} in the associated flow. Often a mistake, sometimes
 * intended; a lint warning only.
 *
 * @param fromA the base node of the first edge, earlier in the base flow
 * @param toA   the associated node of the first edge, later in the associated flow
 * @param fromB the base node of the second edge
 * @param toB   the associated node of the second edge
 */
public record Crossing(String fromA, String toA, String fromB, String toB) {

    /** Validates that all four nodes are present. */
    public Crossing {
        Objects.requireNonNull(fromA, "fromA");
        Objects.requireNonNull(toA, "toA");
        Objects.requireNonNull(fromB, "fromB");
        Objects.requireNonNull(toB, "toB");
    }
}
