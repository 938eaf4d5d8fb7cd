package dev.baton.flow.domain;

import java.util.List;
import java.util.Objects;

/**
 * Warnings about a mapping, computed by {@link MappingLint}; never a reason to reject it.
 *
 * @param unmappedBase       base nodes in no link, in base flow order; immutable copy
 * @param unmappedAssociated associated nodes no link targets, in associated flow order; immutable copy
 * @param crossings          the first {@value #MAX_CROSSINGS} crossing edge pairs (see {@link MappingLint});
 *                           immutable copy
 * @param crossingCount      the number of crossing pairs in all, at least {@code crossings.size()}
 * @param coverage           how much of each flow is mapped
 */
public record Lint(List<String> unmappedBase, List<String> unmappedAssociated, List<Crossing> crossings,
                   int crossingCount, Coverage coverage) {

    /** The most crossings listed; {@link #crossingCount} still counts them all. */
    public static final int MAX_CROSSINGS = 100;

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if more than {@value #MAX_CROSSINGS} crossings are listed or the count
     *                                  is smaller than the list
     */
    public Lint {
        unmappedBase = List.copyOf(unmappedBase);
        unmappedAssociated = List.copyOf(unmappedAssociated);
        crossings = List.copyOf(crossings);
        Objects.requireNonNull(coverage, "coverage");
        if (crossings.size() > MAX_CROSSINGS || crossingCount < crossings.size()) {
            throw new IllegalArgumentException("lint lists at most " + MAX_CROSSINGS
                    + " crossings and counts at least as many as it lists");
        }
    }
}
